// Two threads increment the same array elements with Interlocked; the main thread reads them after the joins.
// Atomic accesses never race with each other, and the joins order the plain reads after both.
using System;
using System.Threading;

namespace Demo;

static class Program
{
    static void Main()
    {
        var counts = new int[4];
        var threads = new Thread[2];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                for (int i = 0; i < 1000; i++) Interlocked.Increment(ref counts[i % counts.Length]);
            });
            threads[t].Start();
        }
        foreach (var thread in threads) thread.Join();
        int total = 0;
        foreach (int c in counts) total += c;
        Console.WriteLine($"total {total}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: total 2000
// CHECK-NOT: ThreadSanitizer
