// An element of an inner array of a jagged array.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Main()
    {
        var grid = new int[3][];
        for (int i = 0; i < 3; i++) grid[i] = new int[3];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            grid[1][2] += 1;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        grid[1][2] += 1;
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbJaggedArrayRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbJaggedArrayRace.cs:[[@LINE-15]]
// CHECK: Location is element [2] of array int[] of length 3.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbJaggedArrayRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
