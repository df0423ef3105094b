// The worker reads, main writes: the previous access is a read.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Box { public int value; }

static class Program
{
    static void Main()
    {
        var box = new Box();
        var barrier = new RaceTestBarrier(2);
        int seen = 0;
        var worker = new Thread(() =>
        {
            seen = box.value;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        box.value = 5;
        worker.Join();
        Console.WriteLine(seen == 0 ? "done" : "done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbWriteAfterReadRace.cs:[[@LINE-8]]
// CHECK: Previous read of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbWriteAfterReadRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Box.value of object of type Demo.Box.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbWriteAfterReadRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
