// Eight threads allocate, fill, check and free blocks concurrently (and free each other's blocks through a
// queue): no report, and every sum is right.
using System;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Threading;

static unsafe class Program
{
    static void Main()
    {
        const int threads = 8, rounds = 2000;
        var handoff = new BlockingCollection<IntPtr>();
        long[] sums = new long[threads];
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            int id = t;
            workers[t] = new Thread(() =>
            {
                var rng = new Random(id);
                for (int r = 0; r < rounds; r++)
                {
                    int n = 1 + rng.Next(64);
                    int* p = (int*)((r % 3) switch
                    {
                        0 => NativeMemory.Alloc((nuint)(n * 4)),
                        1 => (void*)Marshal.AllocHGlobal(n * 4),
                        _ => NativeMemory.AlignedAlloc((nuint)(n * 4), 32),
                    });
                    for (int i = 0; i < n; i++) p[i] = 1;
                    long s = 0;
                    for (int i = 0; i < n; i++) s += p[i];
                    sums[id] += s - n;
                    switch (r % 3)
                    {
                        case 0: NativeMemory.Free(p); break;
                        case 1: handoff.Add((IntPtr)p); break;
                        default: NativeMemory.AlignedFree(p); break;
                    }
                    if (handoff.TryTake(out IntPtr other)) Marshal.FreeHGlobal(other);
                }
            });
            workers[t].Start();
        }
        foreach (var w in workers) w.Join();
        while (handoff.TryTake(out IntPtr rest)) Marshal.FreeHGlobal(rest);
        long errors = 0;
        foreach (long s in sums) errors += s;
        Console.WriteLine($"threads={threads} errors={errors}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: threads=8 errors=0
// CHECK-NOT: ERROR:
