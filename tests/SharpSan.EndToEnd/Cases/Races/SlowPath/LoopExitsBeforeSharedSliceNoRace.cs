// The twin of LoopSliceElementRace: main's loop is bounded by the whole array but leaves at a sentinel in its own
// part (a data-dependent exit), so it never touches the worker's [0, 600): a per-loop check over the loop's bounds
// would invent a race here; silent.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Scale(int[] a, int from, int to, int passes)
    {
        for (int pass = 0; pass < passes; pass++)
            for (int i = from; i < to; i++)
                a[i] = a[i] * 3 + pass;
    }

    static void Main()
    {
        var a = new int[1000];
        for (int i = 601; i < a.Length; i++) a[i] = -1;
        a[600] = 5;
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Scale(a, 0, 600, 4);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        int cleared = 0;
        for (int i = a.Length - 1; i >= 0; i--)
        {
            if (a[i] != -1) break;
            a[i] = 0;
            cleared++;
        }
        worker.Join();
        Console.WriteLine($"done {cleared}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: done 399
// CHECK-NOT: ThreadSanitizer
