// The statistics-counter idiom: workers add with Interlocked, a monitor thread reads the running total with a plain
// load while they work. In .NET an aligned 8-byte read is atomic on 64-bit: the value can be stale, never torn, so
// by default (report_atomic_races=1) this is not reported; report_atomic_races=2 reports it as TSan would.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Stats { public long bytes; public long Bytes => bytes; }

static class Program
{
    static void Main()
    {
        var stats = new Stats();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            for (int i = 0; i < 100; i++) Interlocked.Add(ref stats.bytes, 10);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        long seen = stats.Bytes;
        worker.Join();
        Console.WriteLine($"seen {seen}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: seen 1000
// CHECK-NOT: ThreadSanitizer
