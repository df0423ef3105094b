// `ref obj.field` passed to a method that writes through it: the access is charged to the call site.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Stats { public int hits; }

static class Program
{
    static void Bump(ref int location) => location++;

    static void Main()
    {
        var stats = new Stats();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Bump(ref stats.hits);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Bump(ref stats.hits);
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbRefFieldArgumentRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbRefFieldArgumentRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Stats.hits of object of type Demo.Stats.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbRefFieldArgumentRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
