// Monitor.Enter/Exit written out, with try/finally.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Counter { public int count; public readonly object gate = new object(); }

static class Program
{
    static void Add(Counter c)
    {
        Monitor.Enter(c.gate);
        try { c.count++; }
        finally { Monitor.Exit(c.gate); }
    }

    static void Main()
    {
        var c = new Counter();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() => { Add(c); barrier.Wait(); });
        worker.Start();
        barrier.Wait();
        Add(c);
        worker.Join();
        Console.WriteLine(c.count);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 2
// CHECK-NOT: ThreadSanitizer
