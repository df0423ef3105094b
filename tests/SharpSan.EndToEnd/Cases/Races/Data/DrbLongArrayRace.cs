// Two threads store into the same long array element.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Main()
    {
        var items = new long[8];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            items[3] = 1L;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        items[3] = 2L;
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbLongArrayRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbLongArrayRace.cs:[[@LINE-15]]
// CHECK: Location is element [3] of array long[] of length 8.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbLongArrayRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
