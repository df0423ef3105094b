// A module that uses pools also keeps arrays of pointers and function pointers (a dispatch table, as zstd ports
// do) and reads their Length; these can never come from a pool (pointers are not type arguments) and must run.
using System;
using System.Buffers;

static unsafe class Program
{
    static int Twice(int x) => 2 * x;
    static int Square(int x) => x * x;

    static void Main()
    {
        int* cells = stackalloc int[4];
        int*[] pointers = new int*[4];
        for (int i = 0; i < pointers.Length; i++) { pointers[i] = cells + i; *pointers[i] = i; }
        delegate*<int, int>[] table = new delegate*<int, int>[] { &Twice, &Square };
        int total = 0;
        for (int i = 0; i < table.Length; i++) total += table[i](*pointers[i + 1]);
        byte[] scratch = ArrayPool<byte>.Shared.Rent(8);
        for (int i = 0; i < scratch.Length; i++) scratch[i] = (byte)total;
        ArrayPool<byte>.Shared.Return(scratch);
        Console.WriteLine($"total={total} pointers={pointers.Length} table={table.Length}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total=6 pointers=4 table=2
// CHECK-NOT: ERROR:
