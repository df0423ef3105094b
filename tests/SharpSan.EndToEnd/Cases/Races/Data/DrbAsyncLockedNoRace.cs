// Two async methods run concurrently but update the shared field under a lock.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Box { public int value; public readonly object gate = new object(); }

static class Program
{
    static async Task AddAsync(Box box, int amount, RaceTestBarrier barrier, bool first)
    {
        await Task.Yield();
        if (!first) barrier.Wait();
        lock (box.gate) box.value += amount;
        if (first) barrier.Wait();
    }

    static async Task Main()
    {
        var box = new Box();
        var barrier = new RaceTestBarrier(2);
        var a = Task.Run(() => AddAsync(box, 40, barrier, true));
        var b = Task.Run(() => AddAsync(box, 2, barrier, false));
        await Task.WhenAll(a, b);
        Console.WriteLine(box.value);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 42
// CHECK-NOT: ThreadSanitizer
