// A local captured by a lambda lives in a closure object: the thread and main share it.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Main()
    {
        int counter = 0;
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            counter = 1;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        counter = 2;
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbCapturedLocalRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbCapturedLocalRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Program.<>c__DisplayClass0_0.counter (local variable 'counter' captured by a lambda) of object of type Demo.Program.<>c__DisplayClass0_0.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbCapturedLocalRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
