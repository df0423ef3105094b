// Double-checked locking done right: the field is volatile.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Config { public int port = 80; }

class Holder
{
    volatile Config _config;
    readonly object _gate = new object();

    public Config Get()
    {
        var c = _config;
        if (c == null)
        {
            lock (_gate)
            {
                c = _config;
                if (c == null) _config = c = new Config();
            }
        }
        return c;
    }
}

static class Program
{
    static void Main()
    {
        var holder = new Holder();
        var barrier = new RaceTestBarrier(2);
        int a = 0;
        var worker = new Thread(() => { a = holder.Get().port; barrier.Wait(); });
        worker.Start();
        barrier.Wait();
        int b = holder.Get().port;
        worker.Join();
        Console.WriteLine(a + b);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 160
// CHECK-NOT: ThreadSanitizer
