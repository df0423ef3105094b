// Release build: a worker and main accumulate into one element of a long array.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Main()
    {
        var totals = new long[2];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            for (int i = 0; i < 10; i++) totals[1] += i;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        totals[1] += 100;
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// OPTIMIZE: true
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbThreadsArrayOpt.cs:[[@LINE-9]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbThreadsArrayOpt.cs:[[@LINE-16]]
// CHECK: Location is element [1] of array long[] of length 2.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbThreadsArrayOpt.cs:[[@LINE-13]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
