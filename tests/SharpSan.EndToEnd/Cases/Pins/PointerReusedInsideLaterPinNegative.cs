// A pointer kept from an earlier `fixed` block over a large array (on the large object heap, which the GC does not
// compact by default) is used only inside later blocks that pin the same array again, at the same address: every
// later pin must lift all the poison the previous unpin left (64 KiB of it), or these reads are false reports.
// A small array of 61 bytes (a partial last granule) gets the same treatment. No report.
using System;

static unsafe class Program
{
    static long Run(byte[] array, int[] offsets)
    {
        byte* first;
        fixed (byte* p = array) first = p;
        long sum = 0;
        for (int round = 0; round < 300; round++)
        {
            fixed (byte* q = array)
            {
                if (q != first) return -1;   // moved after all: nothing to test
                foreach (int offset in offsets) sum += first[offset] + 1;
            }
        }
        return sum;
    }

    static void Main()
    {
        var large = new byte[100_000];
        var small = new byte[61];
        Console.WriteLine($"large {Run(large, [0, 1000, 65_535])}");
        Console.WriteLine($"small {Run(small, [0, 56, 60])}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: large {{900|-1}}
// CHECK: small {{900|-1}}
// CHECK-NOT: ERROR:
