// Interlocked.Increment on one thread, a plain increment of the same field on the other. TSan reports a plain
// access that conflicts with an atomic one; SharpSan should too.
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
        var worker = new Thread(() =>
        {
            Interlocked.Increment(ref c.count);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        c.count++;
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbInterlockedVsPlainRace.cs:[[@LINE-8]]
// CHECK: Previous atomic write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbInterlockedVsPlainRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Counter.count of object of type Demo.Counter.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbInterlockedVsPlainRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
