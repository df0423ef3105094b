// Parallel.For where two iterations write the same element (a[i / 2]), forced to overlap by the barrier.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static readonly double[] s_data = new double[4];
    static readonly RaceTestBarrier s_barrier = new RaceTestBarrier(2);

    static void Main()
    {
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            if (i == 0)
            {
                s_data[i / 2] = 1.0;
                s_barrier.Wait();
            }
            else
            {
                s_barrier.Wait();
                s_data[i / 2] = 2.0;
            }
        });
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbParallelForArrayRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbParallelForArrayRace.cs:[[@LINE-17]]
// CHECK: Location is element [0] of array double[] of length 4.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbParallelForArrayRace.cs:[[@LINE-13]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
