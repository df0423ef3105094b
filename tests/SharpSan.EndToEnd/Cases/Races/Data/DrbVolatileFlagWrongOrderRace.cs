// The flag is set before the data is written: the volatile flag does not order the data write.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Channel { public int data; public volatile bool ready; }

static class Program
{
    static void Main()
    {
        var ch = new Channel();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            ch.ready = true;
            ch.data = 42;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        int seen = ch.ready ? ch.data : -1;
        worker.Join();
        Console.WriteLine(seen >= 0 ? "done" : "done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbVolatileFlagWrongOrderRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbVolatileFlagWrongOrderRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Channel.data of object of type Demo.Channel.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbVolatileFlagWrongOrderRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
