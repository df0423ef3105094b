// Two threads pin the same arrays in hot `fixed` blocks while a third keeps collecting: the GC moves an array between
// the moment `fixed` loads it and the moment its pinned local holds it. The pin must be recorded at the address the
// array has once pinned — recorded before the store, the unpin poison an earlier object left at the array's new
// address stayed, and the block's own accesses met it (a use-after-unpin naming the other thread, or the process
// stopped on a "false alarm"; 4 of 9 runs before the fix). No report.
using System;
using System.Threading;

static unsafe class Program
{
    static volatile bool s_done;
    static long Pass(byte[][] arrays, int rounds)
    {
        long sum = 0;
        for (int round = 0; round < rounds; round++)
            for (int i = 0; i < arrays.Length; i++)
            {
                fixed (byte* p = arrays[i])
                {
                    p[round % arrays[i].Length] += 1;
                    sum += p[0];
                }
                if (i % 97 == 0) { var junk = new byte[i % 200 + 1]; GC.KeepAlive(junk); }
            }
        return sum;
    }

    static void Main()
    {
        var arrays = new byte[3000][];
        for (int i = 0; i < arrays.Length; i++) arrays[i] = new byte[16 + i % 48];
        var collector = new Thread(() => { while (!s_done) { GC.Collect(); Thread.Sleep(0); } });
        collector.Start();
        long other = 0;
        var worker = new Thread(() => other = Pass(arrays[..1500], 20));
        worker.Start();
        long mine = Pass(arrays, 20);
        worker.Join();
        s_done = true;
        collector.Join();
        Console.WriteLine($"done {mine > 0} {other > 0}");
    }
}
// CHECK-NOT: ERROR:
// CHECK-NOT: cannot continue
// CHECK: done True True
// CHECK-NOT: ERROR:
