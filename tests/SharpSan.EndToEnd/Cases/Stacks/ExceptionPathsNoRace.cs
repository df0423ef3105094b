// ThreadSanitizer: pool work items and threads whose checked frames are left by exceptions (caught in checked code,
// swallowed by the task machinery, by cancellation callbacks) while they share state under a lock: no race.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace Demo;

class Counter { public int value; }

static class Program
{
    static readonly Counter s_counter = new();
    static readonly object s_lock = new();

    static void Throw(int depth)
    {
        if (depth == 0) throw new InvalidOperationException("boom");
        Throw(depth - 1);
    }

    static void Increment()
    {
        lock (s_lock) s_counter.value++;
    }

    static void Work()
    {
        try { Throw(3); } catch (InvalidOperationException) { Increment(); }
        new Task(() => Throw(2)).RunSynchronously();
        using var cts = new CancellationTokenSource();
        cts.Token.Register(Increment);
        cts.Token.Register(() => Throw(1));
        try { cts.Cancel(); } catch (AggregateException) { }
    }

    static void Main()
    {
        var tasks = new Task[8];
        for (int i = 0; i < tasks.Length; i++) tasks[i] = Task.Run(Work);
        var faulted = Task.Run(() => Throw(3));
        try { faulted.Wait(); } catch (AggregateException) { }
        Task.WaitAll(tasks);
        var thread = new Thread(Work);
        thread.Start();
        thread.Join();
        lock (s_lock) Console.WriteLine("count " + s_counter.value);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: count 18
// CHECK-NOT: ThreadSanitizer
