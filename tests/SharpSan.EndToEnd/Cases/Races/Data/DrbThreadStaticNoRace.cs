// [ThreadStatic] fields are per thread: no sharing.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    [ThreadStatic] static int t_count;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        int fromWorker = 0;
        var worker = new Thread(() => { t_count += 5; fromWorker = t_count; barrier.Wait(); });
        worker.Start();
        barrier.Wait();
        t_count += 7;
        worker.Join();
        Console.WriteLine(fromWorker + t_count);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 12
// CHECK-NOT: ThreadSanitizer
