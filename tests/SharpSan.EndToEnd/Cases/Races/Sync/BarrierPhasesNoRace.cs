// System.Threading.Barrier: each participant writes its own slot, then after SignalAndWait reads the others' slots.
// The post-phase action sums the slots; its result is read after the barrier. No report.
using System;
using System.Threading;

class Sums { public int total; }

static class Program
{
    static void Main()
    {
        var slots = new int[3];
        var sums = new Sums();
        var barrier = new Barrier(3, b => sums.total = slots[0] + slots[1] + slots[2]);
        var seen = new int[3];
        var threads = new Thread[3];
        for (int i = 0; i < 3; i++)
        {
            int me = i;
            threads[i] = new Thread(() =>
            {
                slots[me] = me + 1;
                barrier.SignalAndWait();
                seen[me] = slots[(me + 1) % 3] + sums.total;
                barrier.SignalAndWait();
                slots[me] = 0;
            });
            threads[i].Start();
        }
        foreach (var t in threads) t.Join();
        Console.WriteLine("seen " + seen[0] + " " + seen[1] + " " + seen[2]);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: seen 8 9 7
// CHECK-NOT: ThreadSanitizer
