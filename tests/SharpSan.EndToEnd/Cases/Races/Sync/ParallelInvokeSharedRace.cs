// Parallel.Invoke orders the actions against the code around it, not against each other: two actions
// writing one field race. The test barrier makes the two actions run side by side.
using System;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Shared { public int last; }

static class Program
{
    static void Main()
    {
        var shared = new Shared();
        var barrier = new RaceTestBarrier(2);
        Parallel.Invoke(
            () =>
            {
                shared.last = 1;
                barrier.Wait();
            },
            () =>
            {
                barrier.Wait();
                shared.last = 2;
            });
        Console.WriteLine("done " + shared.last);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}ParallelInvokeSharedRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}ParallelInvokeSharedRace.cs:[[@LINE-16]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}ParallelInvokeSharedRace.cs:[[@LINE-11]]
// CHECK: done 2
