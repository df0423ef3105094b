// The same Add/TryGetValue on a shared Dictionary, both under one lock: ordered, no report.
using System;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

static class Program
{
    static void Main()
    {
        var map = new Dictionary<string, int>();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            lock (map) map.Add("a", 1);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        int value;
        lock (map) map.TryGetValue("a", out value);
        worker.Join();
        Console.WriteLine("value " + value);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: value 1
// CHECK-NOT: ThreadSanitizer
