// A PLINQ query over an iterator: the caller creates and opens the iterator, pool threads pull it (under PLINQ's
// lock, one MoveNext after another) and run the selector on what it yields, and the caller reads the objects the
// selector wrote. Every step is ordered by the framework's own synchronisation: no report (each used to be one —
// the iterator's state field, the yielded object, the selector's writes).
using System;
using System.Collections.Generic;
using System.Linq;

namespace Demo;

sealed class Item { public int Value; public int Doubled; }

static class Program
{
    static IEnumerable<Item> Produce(int count)
    {
        for (int i = 0; i < count; i++) yield return new Item { Value = i };
    }

    static void Main()
    {
        var items = Produce(2000).AsParallel().WithDegreeOfParallelism(2).Select(item => { item.Doubled = item.Value * 2; return item; }).ToList();
        long sum = 0;
        foreach (var item in items) sum += item.Doubled;

        long pulled = 0;
        foreach (long value in Produce(1000).AsParallel().AsOrdered().Select(item => (long)item.Value)) pulled += value;
        Console.WriteLine($"sum {sum} pulled {pulled}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 3998000 pulled 499500
// CHECK-NOT: ThreadSanitizer
