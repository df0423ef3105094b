// Disjoint halves of an object array, one per thread.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Main()
    {
        var a = new object[8];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() => { for (int i = 0; i < 4; i++) a[i] = "w"; barrier.Wait(); });
        worker.Start();
        barrier.Wait();
        for (int i = 4; i < 8; i++) a[i] = "m";
        worker.Join();
        Console.WriteLine(string.Concat(a));
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: wwwwmmmm
// CHECK-NOT: ThreadSanitizer
