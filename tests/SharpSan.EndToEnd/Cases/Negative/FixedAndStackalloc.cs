// Pointers into managed arrays (fixed), pinned arrays, strings and stackalloc memory are not heap blocks:
// walking them end to end is fine.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Sum(int* p, int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += p[i];
        return s;
    }

    static void Main()
    {
        int[] managed = { 1, 2, 3, 4 };
        int total = 0;
        fixed (int* p = managed) { p[3] = 10; total += Sum(p, managed.Length); }
        fixed (char* c = "hello") { total += c[4]; }
        int* stack = stackalloc int[16];
        for (int i = 0; i < 16; i++) stack[i] = 1;
        total += Sum(stack, 16);
        var handle = GCHandle.Alloc(new long[3] { 5, 6, 7 }, GCHandleType.Pinned);
        long* pinned = (long*)handle.AddrOfPinnedObject();
        total += (int)pinned[2];
        handle.Free();
        Span<byte> bytes = stackalloc byte[32];
        bytes.Fill(2);
        fixed (byte* b = bytes) total += b[31];
        Console.WriteLine($"total={total}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total=152
// CHECK-NOT: ERROR:
