// Several threads only read a filled Dictionary and List through IReadOnlyDictionary, IReadOnlyList and
// IEnumerable<T> (reads of a collection never race with each other). No report.
using System;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

static class Program
{
    static long s_total;

    static long ReadAll(IReadOnlyDictionary<string, int> map, IReadOnlyList<int> list)
    {
        long sum = map["a"] + list[1] + list.Count;
        if (map.TryGetValue("b", out int b)) sum += b;
        foreach (int x in (IEnumerable<int>)list) sum += x;
        return sum;
    }

    static void Main()
    {
        var map = new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 };
        var list = new List<int> { 10, 20, 30 };
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Interlocked.Add(ref s_total, ReadAll(map, list));
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Interlocked.Add(ref s_total, ReadAll(map, list));
        worker.Join();
        Console.WriteLine("total " + Interlocked.Read(ref s_total));
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: total 172
// CHECK-NOT: ThreadSanitizer
