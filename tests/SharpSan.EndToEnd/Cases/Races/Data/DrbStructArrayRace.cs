// A thread writes one field of a struct element while main reads the whole element.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

struct Point { public int X; public int Y; }

static class Program
{
    static void Main()
    {
        var points = new Point[4];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            points[2].X = 7;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Point copy = points[2];
        worker.Join();
        Console.WriteLine(copy.X >= 0 ? "done" : "?");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbStructArrayRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbStructArrayRace.cs:[[@LINE-15]]
// CHECK: Location is element [2] of array Demo.Point[] of length 4.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbStructArrayRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
