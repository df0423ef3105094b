// The torn-struct publication (BitFaster.Caching #593) in a Release build, with three fields and a Task.Run writer.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

struct Triple
{
    public int A; public int B; public int C;
}

class Slot { public Triple current; }

static class Program
{
    static void Main()
    {
        var slot = new Slot();
        var barrier = new RaceTestBarrier(2);
        var writer = Task.Run(() =>
        {
            slot.current = new Triple { A = 1, B = 2, C = 3 };
            barrier.Wait();
        });
        barrier.Wait();
        Triple seen = slot.current;
        writer.Wait();
        Console.WriteLine(seen.A + seen.B + seen.C >= 0 ? "done" : "?");
    }
}
// SANITIZE: thread
// OPTIMIZE: true
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 12 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbTornStructPublishRaceOpt.cs:[[@LINE-9]]
// CHECK: Previous write of size 12 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbTornStructPublishRaceOpt.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Slot.current of object of type Demo.Slot.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbTornStructPublishRaceOpt.cs:[[@LINE-13]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
