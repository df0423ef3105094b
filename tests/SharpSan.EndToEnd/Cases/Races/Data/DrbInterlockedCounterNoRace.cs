// Both threads update the counter with Interlocked; the final read is after Join.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Counter { public int count; }

static class Program
{
    static void Main()
    {
        var c = new Counter();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() => { Interlocked.Increment(ref c.count); barrier.Wait(); });
        worker.Start();
        barrier.Wait();
        Interlocked.Increment(ref c.count);
        worker.Join();
        Console.WriteLine(c.count);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 2
// CHECK-NOT: ThreadSanitizer
