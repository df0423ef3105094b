// Two threads read the same field concurrently: reads never race with reads.
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
        var box = new Box { value = 21 };
        var barrier = new RaceTestBarrier(2);
        int a = 0;
        var worker = new Thread(() => { a = box.value; barrier.Wait(); });
        worker.Start();
        barrier.Wait();
        int b = box.value;
        worker.Join();
        Console.WriteLine(a + b);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 42
// CHECK-NOT: ThreadSanitizer
