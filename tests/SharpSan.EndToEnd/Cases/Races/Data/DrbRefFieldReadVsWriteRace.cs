// A plain read of a field after another thread wrote it through `ref` (an `in` argument is a read).
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Stats { public long total; }

static class Program
{
    static void Set(ref long location, long value) => location = value;
    static long Peek(in long location) => location;

    static void Main()
    {
        var stats = new Stats();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Set(ref stats.total, 3);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        long seen = Peek(in stats.total);
        worker.Join();
        Console.WriteLine(seen >= 0 ? "done" : "?");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbRefFieldReadVsWriteRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbRefFieldReadVsWriteRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Stats.total of object of type Demo.Stats.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbRefFieldReadVsWriteRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
