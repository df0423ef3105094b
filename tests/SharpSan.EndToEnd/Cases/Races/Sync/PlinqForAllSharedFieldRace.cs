// Two elements of one PLINQ ForAll add to one field, forced to overlap by the barrier: the query's edges (fork
// before, join after) do not order its workers with each other, so the race is reported.
using System;
using System.Linq;
using SharpSan.Annotations;

namespace Demo;

class Acc { public int sum; }

static class Program
{
    static readonly Acc s_acc = new Acc();
    static readonly RaceTestBarrier s_barrier = new RaceTestBarrier(2);

    static void Main()
    {
        new[] { 0, 1 }.AsParallel().WithDegreeOfParallelism(2).ForAll(i =>
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
        Console.WriteLine("sum " + s_acc.sum);
    }
}
// SANITIZE: thread
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}PlinqForAllSharedFieldRace.cs:[[@LINE-10]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}PlinqForAllSharedFieldRace.cs:[[@LINE-18]]
// CHECK: Location is field Demo.Acc.sum of object of type Demo.Acc.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}PlinqForAllSharedFieldRace.cs:[[@LINE-14]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: sum 3
