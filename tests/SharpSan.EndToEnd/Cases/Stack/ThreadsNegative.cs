// Four threads each using stack buffers in deep call chains at the same time: per-thread bookkeeping, no report.
using System;
using System.Threading;

static unsafe class Program
{
    static long Work(int depth, int seed)
    {
        int* local = stackalloc int[4];
        for (int i = 0; i < 4; i++) local[i] = seed + i;
        long s = local[0] + local[3];
        return depth == 0 ? s : s + Work(depth - 1, seed + 1);
    }

    static void Main()
    {
        long[] results = new long[4];
        var threads = new Thread[4];
        for (int t = 0; t < 4; t++)
        {
            int id = t;
            threads[t] = new Thread(() => { for (int r = 0; r < 200; r++) results[id] += Work(20, id); });
            threads[t].Start();
        }
        foreach (var th in threads) th.Join();
        Console.WriteLine($"results {results[0]} {results[1]} {results[2]} {results[3]}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: results {{[0-9]+}} {{[0-9]+}} {{[0-9]+}} {{[0-9]+}}
// CHECK-NOT: ERROR:
