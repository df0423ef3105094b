// Hot `fixed` blocks whose pointers never leave them, over arrays that garbage collections move in between, after
// one of the arrays was pinned with an escaping pointer (its unpin poison must be lifted by the next block that
// finds it, or moved away with the array). No report.
using System;

static unsafe class Program
{
    static byte* s_escaped;

    static long Pass(byte[][] arrays)
    {
        long sum = 0;
        for (int round = 0; round < 50; round++)
        {
            for (int i = 0; i < arrays.Length; i++)
            {
                fixed (byte* p = arrays[i])
                {
                    p[round % arrays[i].Length] += 1;
                    sum += p[0];
                }
            }
            if (round % 10 == 0) GC.Collect();
        }
        return sum;
    }

    static void Main()
    {
        var arrays = new byte[200][];
        for (int i = 0; i < arrays.Length; i++) arrays[i] = new byte[16 + i % 48];
        fixed (byte* p = arrays[7]) s_escaped = p;
        Console.WriteLine($"done {Pass(arrays) > 0}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: done True
// CHECK-NOT: ERROR:
