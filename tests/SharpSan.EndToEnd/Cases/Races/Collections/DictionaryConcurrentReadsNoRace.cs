// Main fills a Dictionary, then two threads only read it at the same time (TryGetValue, ContainsKey, Count, indexer,
// enumeration): concurrent reads are allowed by the contract, no report.
using System;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

static class Program
{
    static void Main()
    {
        var map = new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 };
        var barrier = new RaceTestBarrier(2);
        int sum = 0;
        var worker = new Thread(() =>
        {
            map.TryGetValue("a", out int a);
            barrier.Wait();
            if (map.ContainsKey("b")) sum = a + map.Count;   // read by main only after Join
        });
        worker.Start();
        barrier.Wait();
        int total = map["b"];
        foreach (var pair in map) total += pair.Value;
        worker.Join();
        Console.WriteLine("reads " + (sum + total));
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: reads 8
// CHECK-NOT: ThreadSanitizer
