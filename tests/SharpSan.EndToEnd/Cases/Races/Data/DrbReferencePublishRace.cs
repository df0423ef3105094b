// Publishing a string reference through a plain field.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Holder { public string name; }

static class Program
{
    static void Main()
    {
        var holder = new Holder();
        var barrier = new RaceTestBarrier(2);
        var thread = new Thread(() =>
        {
            holder.name = "ready";
            barrier.Wait();
        });
        thread.Start();
        barrier.Wait();
        string seen = holder.name;
        thread.Join();
        Console.WriteLine(seen == null ? "done" : "done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbReferencePublishRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbReferencePublishRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Holder.name of object of type Demo.Holder.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbReferencePublishRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
