// DataRaceBench's a[i+1] = a[i] + 1 shape: two threads own [0,5) and [4,8): index 4 is written by both.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Fill(int[] a, int from, int to)
    {
        for (int i = from; i < to; i++)
            a[i] = i;
    }

    static void Main()
    {
        var a = new int[8];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Fill(a, 0, 5);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        for (int i = 4; i < 8; i++)
            a[i] = -i;
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbOverlappingIndexRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbOverlappingIndexRace.cs:[[@LINE-25]]
// CHECK: Location is element [4] of array int[] of length 8.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbOverlappingIndexRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
