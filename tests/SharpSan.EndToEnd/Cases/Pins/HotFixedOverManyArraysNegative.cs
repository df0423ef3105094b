// Hot `fixed` blocks over more arrays than the pin records keep (4,096), in turn, with garbage collections that move
// them in between, and a pointer used only while its pin holds. The thread's "last pinned record" hint goes stale
// again and again (evicted, dropped, moved objects): no report.
using System;

static unsafe class Program
{
    static long Pass(byte[][] arrays, int rounds)
    {
        long sum = 0;
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < arrays.Length; i++)
            {
                fixed (byte* p = arrays[i])
                {
                    p[round % arrays[i].Length] += 1;
                    sum += p[0];
                }
                if (i % 1500 == 0) GC.Collect();
            }
            for (int i = 0; i < 500; i++)
            {
                fixed (byte* p = arrays[0]) sum += p[i % 16];
            }
        }
        return sum;
    }

    static void Main()
    {
        var arrays = new byte[5000][];
        for (int i = 0; i < arrays.Length; i++) arrays[i] = new byte[16 + i % 48];
        long first = Pass(arrays, 3);
        long second = Pass(arrays[..2500], 2);
        Console.WriteLine($"done {first > 0} {second > 0}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: done True True
// CHECK-NOT: ERROR:
