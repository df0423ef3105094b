// Two threads write the same member of a struct field (ldflda + stfld): a race on that member, reported with its
// path and its own size (writes of different members are not a race: StructDisjointMembersNoRace).
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

struct Point { public int X; public int Y; }

class Shape { public Point origin; }

static class Program
{
    static void Main()
    {
        var shape = new Shape();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            shape.origin.X = 3;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        shape.origin.X = 4;
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbStructFieldInClassRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbStructFieldInClassRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Shape.origin.X of object of type Demo.Shape.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbStructFieldInClassRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
