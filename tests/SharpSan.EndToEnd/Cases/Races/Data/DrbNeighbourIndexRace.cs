// a[i+1] = a[i] + 1 split over two threads: the second thread reads a[4] that the first one wrote.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Main()
    {
        var a = new int[9];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            for (int i = 0; i < 4; i++)
                a[i + 1] = a[i] + 1;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        for (int i = 4; i < 8; i++)
            a[i + 1] = a[i] + 1;
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbNeighbourIndexRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbNeighbourIndexRace.cs:[[@LINE-16]]
// CHECK: Location is element [4] of array int[] of length 9.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbNeighbourIndexRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
