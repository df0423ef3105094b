// The clean twin of LongSliceRaceRestoresStack: the worker fills the slice in one run of history records, and main
// joins it before reading element 100: ordered, silent.
using System;
using System.Threading;

namespace Demo;

static class Program
{
    static void Fill(int[] a, int from, int to)
    {
        for (int i = from; i < to; i++)
            a[i] = i * 7;
    }

    static void Main()
    {
        var a = new int[20000];
        var worker = new Thread(() => Fill(a, 0, a.Length));
        worker.Start();
        worker.Join();
        int seen = a[100];
        for (int i = 0; i < a.Length; i++)
            a[i] = -a[i];
        Console.WriteLine($"done {seen} {a[19999]}");
    }
}
// SANITIZE: thread
// ENV: SHARPSAN_OPTIONS=history_size=0
// CHECK-NOT: ThreadSanitizer
// CHECK: done 700 -139993
// CHECK-NOT: ThreadSanitizer
