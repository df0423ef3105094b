// Two async methods run concurrently (each started with Task.Run) and both update one field after an await.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Box { public int value; }

static class Program
{
    static async Task FirstAsync(Box box, RaceTestBarrier barrier)
    {
        await Task.Yield();
        box.value += 1;
        barrier.Wait();
    }

    static async Task SecondAsync(Box box, RaceTestBarrier barrier)
    {
        await Task.Yield();
        barrier.Wait();
        box.value += 2;
    }

    static async Task Main()
    {
        var box = new Box();
        var barrier = new RaceTestBarrier(2);
        var a = Task.Run(() => FirstAsync(box, barrier));
        var b = Task.Run(() => SecondAsync(box, barrier));
        await Task.WhenAll(a, b);
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbAsyncMethodsRace.cs:[[@LINE-16]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbAsyncMethodsRace.cs:[[@LINE-26]]
// CHECK: Location is field Demo.Box.value of object of type Demo.Box.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbAsyncMethodsRace.cs:[[@LINE-20]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
