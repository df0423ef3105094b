// Task.Run writes a field; main waits for the task before writing it.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Box { public long value; }

static class Program
{
    static void Main()
    {
        var box = new Box();
        var barrier = new RaceTestBarrier(2);
        var task = Task.Run(() =>
        {
            box.value = 10;
            barrier.Wait();
        });
        barrier.Wait();
        task.Wait();
        box.value += 5;
        Console.WriteLine(box.value);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 15
// CHECK-NOT: ThreadSanitizer
