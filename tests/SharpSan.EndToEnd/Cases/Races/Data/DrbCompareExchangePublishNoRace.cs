// An object published with Interlocked.CompareExchange and read back with Volatile.Read.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Node { public int value; }
class Head { public Node first; }

static class Program
{
    static void Main()
    {
        var head = new Head();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            var n = new Node();
            n.value = 9;
            Interlocked.CompareExchange(ref head.first, n, null);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var seen = Volatile.Read(ref head.first);
        Console.WriteLine(seen.value);
        worker.Join();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 9
// CHECK-NOT: ThreadSanitizer
