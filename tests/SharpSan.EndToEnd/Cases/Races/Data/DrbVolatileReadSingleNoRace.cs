// Volatile.Write / one Volatile.Read of an int flag, then the data it guards.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Channel { public long data; public int ready; }

static class Program
{
    static void Main()
    {
        var ch = new Channel();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            ch.data = 7;
            Volatile.Write(ref ch.ready, 1);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        long seen = Volatile.Read(ref ch.ready) == 1 ? ch.data : -1;
        Console.WriteLine(seen);
        worker.Join();
    }
}
// SANITIZE: thread
// OPTIMIZE: true
// CHECK-NOT: ThreadSanitizer
// CHECK: 7
// CHECK-NOT: ThreadSanitizer
