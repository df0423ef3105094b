// DataRaceBench's shared accumulator in a parallel loop: two iterations add to one field, forced to overlap
// by the barrier (a race whatever edges Parallel.For itself provides).
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Acc { public int sum; }

static class Program
{
    static readonly Acc s_acc = new Acc();
    static readonly RaceTestBarrier s_barrier = new RaceTestBarrier(2);

    static void Main()
    {
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            if (i == 0)
            {
                s_acc.sum += 1;
                s_barrier.Wait();
            }
            else
            {
                s_barrier.Wait();
                s_acc.sum += 2;
            }
        });
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbParallelForAccumulatorRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbParallelForAccumulatorRace.cs:[[@LINE-17]]
// CHECK: Location is field Demo.Acc.sum of object of type Demo.Acc.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbParallelForAccumulatorRace.cs:[[@LINE-13]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
