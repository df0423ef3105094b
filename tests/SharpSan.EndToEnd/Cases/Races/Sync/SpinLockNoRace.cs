// SpinLock (a struct held in a field): increments under Enter/Exit and TryEnter: no report.
using System;
using System.Threading;
using SharpSan.Annotations;

class Counter
{
    public SpinLock spin = new SpinLock(enableThreadOwnerTracking: false);
    public int count;
}

static class Program
{
    static void Add(Counter c, bool useTry)
    {
        bool taken = false;
        try
        {
            if (useTry) c.spin.TryEnter(5000, ref taken);
            else c.spin.Enter(ref taken);
            if (taken) c.count++;
        }
        finally
        {
            if (taken) c.spin.Exit();
        }
    }

    static void Main()
    {
        var counter = new Counter();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            for (int i = 0; i < 100; i++) Add(counter, i % 2 == 0);
        });
        worker.Start();
        barrier.Wait();
        for (int i = 0; i < 100; i++) Add(counter, i % 2 == 1);
        worker.Join();
        Console.WriteLine("count " + counter.count);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: count 200
// CHECK-NOT: ThreadSanitizer
