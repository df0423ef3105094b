// A static counter guarded by a static lock. Release build.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static int s_count;
    static readonly object s_gate = new object();

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() => { lock (s_gate) s_count += 2; barrier.Wait(); });
        worker.Start();
        barrier.Wait();
        lock (s_gate) s_count += 3;
        worker.Join();
        Console.WriteLine(s_count);
    }
}
// SANITIZE: thread
// OPTIMIZE: true
// CHECK-NOT: ThreadSanitizer
// CHECK: 5
// CHECK-NOT: ThreadSanitizer
