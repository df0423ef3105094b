// Four threads pin the same array concurrently, each working inside its own `fixed` block while the others pin
// and unpin: the array stays pinned as long as any pin holds. No report.
using System;
using System.Threading;

static unsafe class Program
{
    static readonly int[] s_shared = new int[256];

    static void Work(int id)
    {
        for (int round = 0; round < 2000; round++)
        {
            fixed (int* p = s_shared)
            {
                Interlocked.Increment(ref p[id]);
                Thread.SpinWait(id * 3);
                Interlocked.Add(ref p[64 + id], p[id] & 1);
            }
        }
    }

    static void Main()
    {
        var threads = new Thread[4];
        for (int i = 0; i < threads.Length; i++) { int id = i; threads[i] = new Thread(() => Work(id)); threads[i].Start(); }
        foreach (var t in threads) t.Join();
        Console.WriteLine($"counts {s_shared[0]} {s_shared[1]} {s_shared[2]} {s_shared[3]}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: counts 2000 2000 2000 2000
// CHECK-NOT: ERROR:
