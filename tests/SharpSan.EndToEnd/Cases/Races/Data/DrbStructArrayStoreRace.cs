// Both threads store whole struct values into one element (stelem of a value type). Release build.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

struct Pair { public long A; public long B; }

static class Program
{
    static void Main()
    {
        var pairs = new Pair[4];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            pairs[1] = new Pair { A = 1, B = 1 };
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        pairs[1] = new Pair { A = 2, B = 2 };
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// OPTIMIZE: true
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 16 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbStructArrayStoreRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 16 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbStructArrayStoreRace.cs:[[@LINE-16]]
// CHECK: Location is element [1] of array Demo.Pair[] of length 4.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbStructArrayStoreRace.cs:[[@LINE-13]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
