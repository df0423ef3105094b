// Correct multithreaded code under memory,thread: a native buffer filled by one thread and read by others after Join,
// rented arrays filled and read under a lock, a [SkipLocalsInit] stackalloc written before use on every thread.
// Neither a race nor an uninitialised use may be reported.
using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

unsafe static class Program
{
    static readonly object s_lock = new();
    static long s_total;

    [SkipLocalsInit]
    static int Local(int seed)
    {
        int* buffer = stackalloc int[8];
        for (int i = 0; i < 8; i++) buffer[i] = seed + i;
        return buffer[7] > seed ? 1 : 0;
    }

    static void Main()
    {
        int* shared = (int*)NativeMemory.Alloc(64 * sizeof(int));
        var filler = new Thread(() => { for (int i = 0; i < 64; i++) shared[i] = i; });
        filler.Start();
        filler.Join();
        var threads = new Thread[3];
        for (int t = 0; t < threads.Length; t++)
        {
            int id = t;
            threads[t] = new Thread(() =>
            {
                int[] rented = ArrayPool<int>.Shared.Rent(32);
                for (int i = 0; i < 32; i++) rented[i] = shared[i + id];
                long sum = 0;
                for (int i = 0; i < 32; i++)
                    if (rented[i] % 2 == 0) sum += rented[i];
                sum += Local(id);
                ArrayPool<int>.Shared.Return(rented);
                lock (s_lock) s_total += sum;
            });
            threads[t].Start();
        }
        foreach (var thread in threads) thread.Join();
        lock (s_lock) Console.WriteLine($"total {s_total}");
        NativeMemory.Free(shared);
    }
}
// SANITIZE: memory,thread
// CHECK-NOT: ThreadSanitizer
// CHECK-NOT: WARNING:
// CHECK: total
// CHECK-NOT: WARNING:
// CHECK-NOT: ThreadSanitizer
