// ConcurrentDictionary is thread-safe: concurrent TryAdd and TryGetValue are never reported.
using System;
using System.Collections.Concurrent;
using System.Threading;
using SharpSan.Annotations;

static class Program
{
    static void Main()
    {
        var map = new ConcurrentDictionary<string, int>();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            map.TryAdd("a", 1);
            barrier.Wait();
            map["b"] = 2;
        });
        worker.Start();
        barrier.Wait();
        map.TryGetValue("a", out int a);
        map.AddOrUpdate("a", 5, (_, v) => v + 10);
        worker.Join();
        Console.WriteLine("concurrent " + a + " " + map.Count);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: concurrent 1 2
// CHECK-NOT: ThreadSanitizer
