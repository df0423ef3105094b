// Each thread works on its own object; nothing is shared.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Acc { public int sum; }

static class Program
{
    static int Work()
    {
        var acc = new Acc();
        for (int i = 1; i <= 10; i++) acc.sum += i;
        return acc.sum;
    }

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        int fromWorker = 0;
        var worker = new Thread(() => { fromWorker = Work(); barrier.Wait(); });
        worker.Start();
        barrier.Wait();
        int mine = Work();
        worker.Join();
        Console.WriteLine(mine + fromWorker);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 110
// CHECK-NOT: ThreadSanitizer
