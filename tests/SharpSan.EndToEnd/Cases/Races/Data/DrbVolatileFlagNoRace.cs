// Data published before a volatile flag is set; the reader spins on the flag, then reads the data.
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
        var worker = new Thread(() =>
        {
            ch.data = 42;
            ch.ready = true;
        });
        worker.Start();
        while (!ch.ready) Thread.Yield();
        Console.WriteLine(ch.data);
        worker.Join();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 42
// CHECK-NOT: ThreadSanitizer
