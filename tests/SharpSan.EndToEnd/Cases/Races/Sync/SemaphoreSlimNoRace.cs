// SemaphoreSlim as a lock (Wait/Release), with a timeout, and asynchronously (await WaitAsync): no report.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

class Box { public int value; }

static class Program
{
    static readonly SemaphoreSlim s_gate = new(1, 1);

    static async Task AddAsync(Box box)
    {
        await s_gate.WaitAsync();
        try
        {
            await Task.Yield();
            box.value++;
        }
        finally { s_gate.Release(); }
    }

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

        var shared = new Box();
        var tasks = new Task[8];
        for (int i = 0; i < tasks.Length; i++) tasks[i] = Task.Run(() => AddAsync(shared));
        foreach (var t in tasks) t.Wait();
        Console.WriteLine("async " + shared.value);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sync 2
// CHECK: async 8
// CHECK-NOT: ThreadSanitizer
