// An async method continues on the thread pool after an await and writes a field main writes too.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Box { public long value; }

static class Program
{
    static async Task UpdateAsync(Box box, RaceTestBarrier barrier)
    {
        await Task.Delay(1);
        box.value = 1;
        barrier.Wait();
    }

    static void Main()
    {
        var box = new Box();
        var barrier = new RaceTestBarrier(2);
        var task = Task.Run(() => UpdateAsync(box, barrier));
        barrier.Wait();
        box.value = 2;
        task.Wait();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbAsyncContinuationRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbAsyncContinuationRace.cs:[[@LINE-20]]
// CHECK: Location is field Demo.Box.value of object of type Demo.Box.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbAsyncContinuationRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
