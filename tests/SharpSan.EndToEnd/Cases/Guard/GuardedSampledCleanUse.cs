// Guard mode with the default sampling (1 in 5000, 16 slots, random alignment), negative: 200,000 blocks fully used and
// freed on several threads, some kept alive across others' frees: no report, and no slot leaks.
using System;
using System.Runtime.InteropServices;
using System.Threading;

static unsafe class Program
{
    static void Main()
    {
        long total = 0;
        var threads = new Thread[4];
        long[] sums = new long[threads.Length];
        for (int t = 0; t < threads.Length; t++)
        {
            int id = t;
            threads[t] = new Thread(() =>
            {
                var kept = new byte*[32];
                for (int i = 0; i < 50_000; i++)
                {
                    int size = 1 + (i * 7 + id) % 200;
                    byte* p = (byte*)NativeMemory.Alloc((nuint)size);
                    for (int k = 0; k < size; k++) p[k] = (byte)k;
                    sums[id] += p[size - 1] + p[0];
                    int slot = i % kept.Length;
                    if (kept[slot] != null) NativeMemory.Free(kept[slot]);
                    kept[slot] = p;
                }
                foreach (var p in kept) NativeMemory.Free(p);
            });
            threads[t].Start();
        }
        foreach (var t in threads) t.Join();
        foreach (var s in sums) total += s;
        Console.WriteLine($"total {total}");
    }
}
// SANITIZE: guard
// CHECK-NOT: ERROR:
// CHECK-NOT: WARNING:
// CHECK: total {{[0-9]+}}
// CHECK-NOT: ERROR:
