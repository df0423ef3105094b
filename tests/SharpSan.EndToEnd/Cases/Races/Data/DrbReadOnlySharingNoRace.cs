// Written before the threads start, then only read by several threads concurrently, then by main after Join.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Table { public int[] values; public int scale; }

static class Program
{
    static void Main()
    {
        var table = new Table { values = new[] { 1, 2, 3 }, scale = 2 };
        var results = new int[3];
        var threads = new Thread[3];
        for (int t = 0; t < 3; t++)
        {
            int k = t;
            threads[t] = new Thread(() => results[k] = table.values[k] * table.scale);
            threads[t].Start();
        }
        foreach (var th in threads) th.Join();
        Console.WriteLine(results[0] + results[1] + results[2] + table.values[0]);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 13
// CHECK-NOT: ThreadSanitizer
