// Two threads store into the same int array element.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Main()
    {
        var items = new int[8];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            items[3] = 1;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        items[3] = 2;
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbIntArrayRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbIntArrayRace.cs:[[@LINE-15]]
// CHECK: Location is element [3] of array int[] of length 8.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbIntArrayRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
