// Thread-local Parallel.For/ForEach (localInit, body, localFinally): bodies read what was written before the call,
// each worker accumulates into its own local, localFinally merges under a lock or with Interlocked, and the total is
// read without a lock after the call returned. No report.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

class Input { public int factor; }
class Acc { public long sum; }
class Totals { public long locked; public long atomic; public long each; }

static class Program
{
    static void Main()
    {
        var input = new Input { factor = 3 };
        var data = new int[200];
        for (int i = 0; i < data.Length; i++) data[i] = i;
        var totals = new Totals();
        var gate = new object();

        Parallel.For(0, data.Length, () => new Acc(), (i, state, acc) => { acc.sum += data[i] * input.factor; return acc; },
            acc => { lock (gate) totals.locked += acc.sum; });

        Parallel.For(0L, data.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, () => 0L,
            (i, state, local) => local + data[i], local => Interlocked.Add(ref totals.atomic, local));

        var items = new List<int>(data);
        Parallel.ForEach(items, () => new Acc(), (item, state, index, acc) => { acc.sum += item + index; return acc; },
            acc => { lock (gate) totals.each += acc.sum; });

        Console.WriteLine("totals " + totals.locked + " " + totals.atomic + " " + totals.each);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: totals 59700 19900 39800
// CHECK-NOT: ThreadSanitizer
