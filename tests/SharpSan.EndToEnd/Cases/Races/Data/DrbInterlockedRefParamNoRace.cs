// `ref obj.field` passed to a helper that uses Interlocked on both threads: the helper only hands its ref parameter to
// Interlocked, so the call site is an atomic access, not a plain write (no race).
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
