// Interlocked.Exchange publishes a flag on one thread; the other reads it with a plain load and no synchronisation.
// TSan reports a plain read racing with an atomic write ("Previous atomic write"); SharpSan does with
// report_atomic_races=2 (by default only plain writes, since a plain aligned read in .NET can be stale, never torn).
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Flags { public int ready; }

static class Program
{
    static void Main()
    {
        var flags = new Flags();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Interlocked.Exchange(ref flags.ready, 1);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        int seen = flags.ready;
        worker.Join();
        Console.WriteLine($"done {seen}");
    }
}
// SANITIZE: thread
// ENV: SHARPSAN_OPTIONS=report_atomic_races=2
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbAtomicWriteThenPlainReadRace.cs:[[@LINE-9]]
// CHECK: Previous atomic write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbAtomicWriteThenPlainReadRace.cs:[[@LINE-16]]
// CHECK: Location is field Demo.Flags.ready of object of type Demo.Flags.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 1
