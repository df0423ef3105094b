// The same increments under a lock: ordered by the lock, no report.
using System;
using System.Threading;
using SharpSan.Annotations;

class Counter { public int count; }

static class Program
{
    static void Main()
    {
        var counter = new Counter();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            lock (counter) counter.count++;
        });
        worker.Start();
        barrier.Wait();
        lock (counter) counter.count++;
        worker.Join();
        Console.WriteLine(counter.count);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 2
// CHECK-NOT: ThreadSanitizer
