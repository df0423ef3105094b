// `a[i].X += 1` on a struct element from two threads (ldelema, dup, ldfld, stfld).
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
        var points = new Point[2];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            points[0].X += 1;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        points[0].X += 1;
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbCompoundStructMemberRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbCompoundStructMemberRace.cs:[[@LINE-15]]
// CHECK: Location is element [0] of array Demo.Point[] of length 2.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbCompoundStructMemberRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
