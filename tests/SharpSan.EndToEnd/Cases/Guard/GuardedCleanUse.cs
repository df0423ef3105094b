// Guard mode with guard_sample_rate=1, negative: every byte of guarded blocks of many sizes and families used (the
// last byte sits against the guard page), blocks grown with realloc, blocks larger than guard_max_size, frees on
// other threads, and 64 threads allocating at once (the pool grows past 16 slots): no report.
using System;
using System.Runtime.InteropServices;
using System.Threading;

static unsafe class Program
{
    static long Touch(byte* p, int n)
    {
        long sum = 0;
        for (int i = 0; i < n; i++) { p[i] = (byte)i; sum += p[i]; }
        return sum;
    }

    static void Main()
    {
        long total = 0;
        foreach (int size in new[] { 1, 3, 8, 13, 16, 100, 4095, 4096, 4097, 16384, 20000 })
        {
            byte* p = (byte*)NativeMemory.Alloc((nuint)size);
            total += Touch(p, size);
            NativeMemory.Free(p);
        }
        byte* a = (byte*)NativeMemory.AlignedAlloc(200, 64);
        if ((nint)a % 64 != 0) Console.WriteLine("misaligned");
        total += Touch(a, 200);
        NativeMemory.AlignedFree(a);

        byte* r = (byte*)NativeMemory.Alloc(10);
        total += Touch(r, 10);
        r = (byte*)NativeMemory.Realloc(r, 5000);
        for (int i = 0; i < 10; i++) if (r[i] != (byte)i) Console.WriteLine("realloc lost data");
        total += Touch(r, 5000);
        nint h = Marshal.AllocHGlobal(7);
        h = Marshal.ReAllocHGlobal(h, 300);
        total += Touch((byte*)h, 300);

        var frees = new Thread(() => { NativeMemory.Free(r); Marshal.FreeHGlobal(h); });
        frees.Start();
        frees.Join();

        var threads = new Thread[64];
        long[] sums = new long[64];
        for (int t = 0; t < threads.Length; t++)
        {
            int id = t;
            threads[t] = new Thread(() =>
            {
                var mine = new nint[8];
                for (int round = 0; round < 20; round++)
                {
                    for (int k = 0; k < mine.Length; k++) { mine[k] = Marshal.AllocHGlobal(24 + k); sums[id] += Touch((byte*)mine[k], 24 + k); }
                    foreach (var m in mine) Marshal.FreeHGlobal(m);
                }
            });
            threads[t].Start();
        }
        foreach (var t in threads) t.Join();
        foreach (var s in sums) total += s;
        Console.WriteLine($"total {total}");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=1
// CHECK-NOT: ERROR:
// CHECK: total {{[0-9]+}}
// CHECK-NOT: ERROR:
// CHECK-NOT: misaligned
// CHECK-NOT: realloc lost data
