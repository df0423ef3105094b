// Two threads add to one HashSet and SortedDictionary, each call inside Monitor.Enter/Exit on one gate: no report.
using System;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

static class Program
{
    static readonly object Gate = new();

    static void Main()
    {
        var set = new HashSet<int>();
        var sorted = new SortedDictionary<int, int>();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Monitor.Enter(Gate);
            try { set.Add(1); sorted[1] = 1; } finally { Monitor.Exit(Gate); }
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Monitor.Enter(Gate);
        try { set.Add(2); sorted.Remove(1); } finally { Monitor.Exit(Gate); }
        worker.Join();
        Console.WriteLine("set " + set.Count + " " + sorted.Count);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: set 2 0
// CHECK-NOT: ThreadSanitizer
