// `ref obj.field` passed to a helper that uses Interlocked on both threads. SharpSan charges `ref obj.field` to the
// call site as a write (an `in`/`ref readonly` argument as a read) and does not look into the callee.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Stats { public long total; }

static class Program
{
    static void Add(ref long location, long amount) => Interlocked.Add(ref location, amount);

    static void Main()
    {
        var stats = new Stats();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() => { Add(ref stats.total, 40); barrier.Wait(); });
        worker.Start();
        barrier.Wait();
        Add(ref stats.total, 2);
        worker.Join();
        Console.WriteLine(Interlocked.Read(ref stats.total));
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 42
// CHECK-NOT: ThreadSanitizer
// XFAIL: `ref obj.field` passed to a method counts as a write at the call site (the callee is not analysed), so a helper that only applies Interlocked to its ref parameter is reported as a plain write on both threads
