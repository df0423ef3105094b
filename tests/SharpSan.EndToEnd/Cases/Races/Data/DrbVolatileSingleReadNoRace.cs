// One volatile read (no spin loop) after the writer published: the acquire must be on the same object.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Channel { public int data; public volatile bool ready; }

static class Program
{
    static void Main()
    {
        var ch = new Channel();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            ch.data = 42;
            ch.ready = true;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        int seen = ch.ready ? ch.data : -1;
        Console.WriteLine(seen);
        worker.Join();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 42
// CHECK-NOT: ThreadSanitizer
