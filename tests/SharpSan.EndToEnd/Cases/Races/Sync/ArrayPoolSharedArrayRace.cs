// Two threads write one array rented from ArrayPool<int>.Shared without synchronising with each other: the pool's
// hand-off edges (Return to the next Rent) do not order two users of the same rented array, so the race is reported.
using System;
using System.Buffers;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Main()
    {
        int[] shared = ArrayPool<int>.Shared.Rent(16);
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            shared[3] = 1;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        shared[3] = 2;
        worker.Join();
        ArrayPool<int>.Shared.Return(shared);
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}ArrayPoolSharedArrayRace.cs:[[@LINE-10]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}ArrayPoolSharedArrayRace.cs:[[@LINE-17]]
// CHECK: Location is element [3] of array int[]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}ArrayPoolSharedArrayRace.cs:[[@LINE-14]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
