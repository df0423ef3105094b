// A plain store on one thread, an Interlocked.Increment of the same field on the other, unordered: the atomic access
// races with the plain one ("Atomic write ... Previous write").
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Counter { public long hits; }

static class Program
{
    static void Main()
    {
        var counter = new Counter();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            counter.hits = 10;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Interlocked.Increment(ref counter.hits);
        worker.Join();
        Console.WriteLine($"done {counter.hits}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Atomic write of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbPlainWriteThenAtomicRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbPlainWriteThenAtomicRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Counter.hits of object of type Demo.Counter.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 11
