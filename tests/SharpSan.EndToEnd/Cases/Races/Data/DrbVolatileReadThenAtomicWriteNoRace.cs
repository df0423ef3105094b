// A worker reads a flag with Volatile.Read while the main thread sets it with Interlocked.Exchange, not ordered:
// two atomic accesses never race (TSan), so recording the atomic read must not make the atomic store report.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Flags { public int stop; }

static class Program
{
    static void Main()
    {
        var flags = new Flags();
        var barrier = new RaceTestBarrier(2);
        int seen = -1;
        var worker = new Thread(() =>
        {
            seen = Volatile.Read(ref flags.stop);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Interlocked.Exchange(ref flags.stop, 1);
        Volatile.Write(ref flags.stop, 2);
        worker.Join();
        Console.WriteLine($"seen {seen}");
    }
}
// SANITIZE: thread
// ENV: SHARPSAN_OPTIONS=report_atomic_races=2
// CHECK-NOT: ThreadSanitizer
// CHECK: seen 0
// CHECK-NOT: ThreadSanitizer
