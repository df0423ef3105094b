// Locks taken on their own, in any order, and nested only in one order (A then B) by both threads: no cycle, even
// though the locks get their lock-graph ids late (only when a second lock is taken inside one).
using System;
using System.Threading;

static class Program
{
    static readonly object A = new(), B = new();
    static int n;

    static void Work()
    {
        for (int i = 0; i < 50; i++)
        {
            lock (B) n++;
            lock (A) n++;
        }
        lock (A)
        {
            lock (B) n++;
        }
    }

    static void Main()
    {
        var worker = new Thread(Work);
        worker.Start();
        worker.Join();
        Work();
        Console.WriteLine($"done {n}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: done 202
// CHECK-NOT: ThreadSanitizer
