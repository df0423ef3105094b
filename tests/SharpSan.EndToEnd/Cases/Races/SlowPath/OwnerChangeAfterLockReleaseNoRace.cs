// The twin of OwnerChangeAfterLockReleaseRace: the worker's second write of pair.x is under the lock too, in the epoch
// after its first release. Main takes the lock after both, so every access is ordered: silent.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Pair { public int x; public int y; }

static class Program
{
    static void Main()
    {
        var pair = new Pair();
        var gate = new object();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            lock (gate) { pair.x = 1; pair.y = 1; }
            lock (gate) { pair.x = 2; }
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        lock (gate) { pair.y = 3; }
        pair.x = 4;
        worker.Join();
        Console.WriteLine($"done {pair.x} {pair.y}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: done 4 3
// CHECK-NOT: ThreadSanitizer
