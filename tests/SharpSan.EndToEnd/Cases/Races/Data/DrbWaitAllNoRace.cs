// Two tasks write disjoint array elements; Task.WaitAll orders them before main's reads.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Main()
    {
        var a = new long[2];
        var barrier = new RaceTestBarrier(2);
        var t1 = Task.Run(() => { a[0] = 20; barrier.Wait(); });
        var t2 = Task.Run(() => { barrier.Wait(); a[1] = 22; });
        Task.WaitAll(t1, t2);
        Console.WriteLine(a[0] + a[1]);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 42
// CHECK-NOT: ThreadSanitizer
