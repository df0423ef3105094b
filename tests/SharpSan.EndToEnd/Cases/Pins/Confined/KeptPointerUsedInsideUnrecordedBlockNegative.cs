// A pointer kept from a `fixed` block in a helper is used only inside later blocks over the same array whose own
// pointer is only compared with it: each such block finds the helper's unpin poison and lifts it while it holds
// the array (and poisons it again when it ends). No report.
using System;

static unsafe class Program
{
    static byte* Keep(byte[] array)
    {
        fixed (byte* p = array) return p;
    }

    static long Run(byte[] array, int[] offsets)
    {
        byte* first = Keep(array);
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
