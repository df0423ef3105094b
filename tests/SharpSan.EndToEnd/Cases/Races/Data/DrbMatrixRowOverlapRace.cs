// Two threads write the same element of a double[,] without synchronisation: races on elements of
// multi-dimensional arrays are found like those of vectors, and the report names the element by its indices.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Main()
    {
        var grid = new double[4, 3];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            grid[1, 2] = 1.5;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        grid[1, 2] = 2.5;
        worker.Join();
        Console.WriteLine($"done {grid[1, 2]}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbMatrixRowOverlapRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbMatrixRowOverlapRace.cs:[[@LINE-15]]
// CHECK: Location is element [1, 2] of array double[,] of length 12.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 2.5
