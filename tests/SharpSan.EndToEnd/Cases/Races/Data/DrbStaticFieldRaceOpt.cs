// The static-field race, compiled with optimizations.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static long s_total;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            s_total += 5;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        s_total += 7;
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// OPTIMIZE: true
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbStaticFieldRaceOpt.cs:[[@LINE-9]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbStaticFieldRaceOpt.cs:[[@LINE-16]]
// CHECK: Location is static field Demo.Program.s_total.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbStaticFieldRaceOpt.cs:[[@LINE-13]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
