// SemaphoreSlim as a lock (Wait/Release), with and without a timeout: no report.
using System;
using System.Threading;
using SharpSan.Annotations;

class Box { public int value; }

static class Program
{
    static void Main()
    {
        var box = new Box();
        var gate = new SemaphoreSlim(1, 1);
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            gate.Wait();
            box.value++;
            gate.Release();
        });
        worker.Start();
        barrier.Wait();
        if (gate.Wait(5000))
        {
            box.value++;
            gate.Release();
        }
        worker.Join();
        Console.WriteLine("sync " + box.value);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sync 2
// CHECK-NOT: ThreadSanitizer
