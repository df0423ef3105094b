// LazyInitializer.EnsureInitialized (with a factory, with a lock object): the object built by whichever thread wins
// is fully visible to every thread that gets it back. No report.
using System;
using System.Threading;
using SharpSan.Annotations;

class Config { public int port; }

static class Program
{
    static Config? s_config;
    static object? s_lock;
    static Config? s_locked;

    static void Main()
    {
        // Non-capturing lambdas are cached by the compiler on first use: create them before the threads start.
        Func<Config> first = () => new Config { port = 1 };
        Func<Config> second = () => new Config { port = 2 };
        var barrier = new RaceTestBarrier(3);
        var results = new int[3];
        var threads = new Thread[3];
        for (int t = 0; t < 3; t++)
        {
            int me = t;
            threads[t] = new Thread(() =>
            {
                if (me > 0) barrier.Wait();
                int sum = LazyInitializer.EnsureInitialized(ref s_config, first).port;
                sum += LazyInitializer.EnsureInitialized(ref s_locked, ref s_lock, second).port;
                results[me] = sum;
            });
            threads[t].Start();
        }
        barrier.Wait();
        foreach (var thread in threads) thread.Join();
        Console.WriteLine("results " + results[0] + " " + results[1] + " " + results[2]);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: results 3 3 3
// CHECK-NOT: ThreadSanitizer
