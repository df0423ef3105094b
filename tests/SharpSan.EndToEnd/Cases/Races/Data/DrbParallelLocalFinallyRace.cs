// Thread-local Parallel.For whose localFinally publishes its local into a shared field without a lock: the two
// workers (forced onto different threads by the barrier in the body, so their locals are 1 and 2) run their
// localFinally unordered; the second barrier only makes the worker with local 2 write second.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Total { public int last; }

static class Program
{
    static readonly Total s_total = new Total();
    static readonly RaceTestBarrier s_barrier = new RaceTestBarrier(2);

    static void Main()
    {
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, () => 0,
            (i, state, local) =>
            {
                s_barrier.Wait();
                return local + i + 1;
            },
            local =>
            {
                if (local == 1)
                {
                    s_total.last = local;
                    s_barrier.Wait();
                }
                else
                {
                    s_barrier.Wait();
                    s_total.last = local;
                }
            });
        Console.WriteLine("done " + s_total.last);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbParallelLocalFinallyRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbParallelLocalFinallyRace.cs:[[@LINE-17]]
// CHECK: Location is field Demo.Total.last of object of type Demo.Total.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbParallelLocalFinallyRace.cs:[[@LINE-13]]
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 2
