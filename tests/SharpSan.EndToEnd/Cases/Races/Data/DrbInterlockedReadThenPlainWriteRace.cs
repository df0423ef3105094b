// Interlocked.Read of a static total on a worker, then a plain reset of it on the main thread without ordering:
// a plain write racing with an earlier atomic read (TSan reports it; the reset should be Interlocked.Exchange).
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

static class Totals { public static long bytes = 40; }

static class Program
{
    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        long seen = -1;
        var worker = new Thread(() =>
        {
            seen = Interlocked.Read(ref Totals.bytes);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Totals.bytes = 0;
        worker.Join();
        Console.WriteLine($"seen {seen}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbInterlockedReadThenPlainWriteRace.cs:[[@LINE-8]]
// CHECK: Previous atomic read of size 8 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbInterlockedReadThenPlainWriteRace.cs:[[@LINE-15]]
// CHECK: Location is static field Demo.Totals.bytes
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbInterlockedReadThenPlainWriteRace.cs:[[@LINE-12]]
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: seen 40
