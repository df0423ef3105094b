// Two Task.Run tasks increment one field; main waits for both.
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
        var first = Task.Run(() =>
        {
            box.value++;
            barrier.Wait();
        });
        var second = Task.Run(() =>
        {
            barrier.Wait();
            box.value++;
        });
        Task.WaitAll(first, second);
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbTwoTasksRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbTwoTasksRace.cs:[[@LINE-17]]
// CHECK: Location is field Demo.Box.value of object of type Demo.Box.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbTwoTasksRace.cs:[[@LINE-13]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
