// Two tasks write disjoint fields; after WhenAll main reads both.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Pair { public int a; public int b; }

static class Program
{
    static async Task Main()
    {
        var p = new Pair();
        var barrier = new RaceTestBarrier(2);
        var t1 = Task.Run(() => { p.a = 1; barrier.Wait(); });
        var t2 = Task.Run(() => { barrier.Wait(); p.b = 2; });
        await Task.WhenAll(t1, t2);
        Console.WriteLine(p.a + p.b);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 3
// CHECK-NOT: ThreadSanitizer
