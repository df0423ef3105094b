// Lazy initialisation done entirely under a lock.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Service { public int id = 5; }

static class Program
{
    static Service s_instance;
    static readonly object s_gate = new object();

    static Service Instance()
    {
        lock (s_gate)
        {
            if (s_instance == null) s_instance = new Service();
            return s_instance;
        }
    }

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        int a = 0;
        var worker = new Thread(() => { a = Instance().id; barrier.Wait(); });
        worker.Start();
        barrier.Wait();
        int b = Instance().id;
        worker.Join();
        Console.WriteLine(a + b);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 10
// CHECK-NOT: ThreadSanitizer
