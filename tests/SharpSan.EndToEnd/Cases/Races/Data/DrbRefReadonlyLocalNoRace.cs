// Several threads only read shared array elements through `ref readonly` locals after the main thread filled them
// before starting the threads: reads never race with reads, and Thread.Start orders the fill before them.
using System;
using System.Threading;

namespace Demo;

static class Program
{
    static long Sum(int[] data)
    {
        long total = 0;
        for (int i = 0; i < data.Length; i++)
        {
            ref readonly int item = ref data[i];
            total += item;
        }
        return total;
    }

    static void Main()
    {
        var data = new int[64];
        for (int i = 0; i < data.Length; i++) data[i] = i;
        var sums = new long[2];
        var threads = new Thread[2];
        for (int t = 0; t < threads.Length; t++)
        {
            int slot = t;
            threads[t] = new Thread(() => sums[slot] = Sum(data));
            threads[t].Start();
        }
        foreach (var thread in threads) thread.Join();
        Console.WriteLine($"sums {sums[0]} {sums[1]}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sums 2016 2016
// CHECK-NOT: ThreadSanitizer
