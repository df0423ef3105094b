// SemaphoreSlim as an async lock: `await WaitAsync()` … Release(). The awaiting code continues after the previous
// holder's Release, whichever thread runs it. No report.
using System;
using System.Threading;
using System.Threading.Tasks;

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
        var shared = new Box();
        var tasks = new Task[8];
        for (int i = 0; i < tasks.Length; i++) tasks[i] = Task.Run(() => AddAsync(shared));
        foreach (var t in tasks) t.Wait();
        Console.WriteLine("async " + shared.value);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: async 8
// CHECK-NOT: ThreadSanitizer
