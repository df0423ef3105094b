// The address of a shared field is taken outside the lock, but every read and write through the `ref` local happens
// inside it: correctly synchronised. (Checking at the point the address is taken would be a false positive.)
using System;
using System.Threading;

namespace Demo;

class Totals { public long sum; }

static class Program
{
    static readonly object s_gate = new();

    static void Add(Totals totals, int n)
    {
        ref long sum = ref totals.sum;
        for (int i = 0; i < n; i++)
        {
            lock (s_gate) sum += i;
        }
    }

    static void Main()
    {
        var totals = new Totals();
        var threads = new Thread[3];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() => Add(totals, 1000));
            threads[t].Start();
        }
        foreach (var thread in threads) thread.Join();
        Console.WriteLine($"sum {totals.sum}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 1498500
// CHECK-NOT: ThreadSanitizer
