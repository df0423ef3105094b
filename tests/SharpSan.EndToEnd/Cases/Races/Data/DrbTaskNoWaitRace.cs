// Main reads a task's result field without waiting for the task.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Result { public double value; }

static class Program
{
    static void Main()
    {
        var result = new Result();
        var barrier = new RaceTestBarrier(2);
        var task = Task.Run(() =>
        {
            result.value = Math.Sqrt(2);
            barrier.Wait();
        });
        barrier.Wait();
        double seen = result.value;
        Console.WriteLine(seen >= 0 ? "done" : "?");
        task.Wait();
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbTaskNoWaitRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbTaskNoWaitRace.cs:[[@LINE-14]]
// CHECK: Location is field Demo.Result.value of object of type Demo.Result.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbTaskNoWaitRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
