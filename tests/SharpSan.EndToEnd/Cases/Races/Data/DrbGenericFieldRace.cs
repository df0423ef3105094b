// A field of a generic class instantiated over long.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Box<T> { public T value; }

static class Program
{
    static void Main()
    {
        var box = new Box<long>();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            box.value = 42;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        long seen = box.value;
        worker.Join();
        Console.WriteLine(seen >= 0 ? "done" : "?");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbGenericFieldRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbGenericFieldRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Box<long>.value of object of type Demo.Box<long>.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbGenericFieldRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
