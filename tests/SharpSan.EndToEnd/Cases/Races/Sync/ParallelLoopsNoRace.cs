// Parallel.For (int, long, with loop state, with options), ForEach (with and without options) and Invoke: the
// bodies see what was written before the call, and what they write (each its own slot) is visible after. No report.
using System;
using System.Collections.Generic;
using System.Threading.Tasks;

class Input { public int factor; }

static class Program
{
    static void Main()
    {
        var input = new Input { factor = 2 };
        var a = new int[64];
        Parallel.For(0, a.Length, i => a[i] = i * input.factor);
        var b = new long[64];
        Parallel.For(0L, b.Length, i => b[i] = i + input.factor);
        var c = new int[64];
        Parallel.For(0, c.Length, (i, state) => c[i] = input.factor);
        var d = new int[64];
        Parallel.For(0, d.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => d[i] = 1);
        var e = new int[64];
        var indexes = new List<int>();
        for (int i = 0; i < e.Length; i++) indexes.Add(i);
        Parallel.ForEach(indexes, i => e[i] = input.factor);
        var f = new int[64];
        Parallel.ForEach(indexes, new ParallelOptions { MaxDegreeOfParallelism = 3 }, i => f[i] = 3);
        var g = new int[3];
        Parallel.Invoke(() => g[0] = input.factor, () => g[1] = 5, () => g[2] = 7);

        long sum = 0;
        for (int i = 0; i < 64; i++) sum += a[i] + b[i] + c[i] + d[i] + e[i] + f[i];
        sum += g[0] + g[1] + g[2];
        Console.WriteLine("sum " + sum);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 6702
// CHECK-NOT: ThreadSanitizer
