// A plain (non-volatile) bool used as a stop flag.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Worker { public bool stop; }

static class Program
{
    static void Main()
    {
        var w = new Worker();
        var barrier = new RaceTestBarrier(2);
        var thread = new Thread(() =>
        {
            w.stop = true;
            barrier.Wait();
        });
        thread.Start();
        barrier.Wait();
        bool stopped = w.stop;
        thread.Join();
        Console.WriteLine(stopped ? "done" : "done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 1 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbBoolFlagRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 1 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbBoolFlagRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Worker.stop of object of type Demo.Worker.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbBoolFlagRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
