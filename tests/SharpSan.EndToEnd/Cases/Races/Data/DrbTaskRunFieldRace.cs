// A Task.Run task and the main thread write one field.
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
        var task = Task.Run(() =>
        {
            box.value = 1;
            barrier.Wait();
        });
        barrier.Wait();
        box.value = 2;
        task.Wait();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbTaskRunFieldRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbTaskRunFieldRace.cs:[[@LINE-14]]
// CHECK: Location is field Demo.Box.value of object of type Demo.Box.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbTaskRunFieldRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
