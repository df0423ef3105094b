// Guard mode, negative: blocks allocated on one thread and freed on another (they go through the freeing thread's
// quarantine and cache, then serve that thread's allocations), threads that end holding cached and quarantined
// blocks (their caches go back to the shared lists), and the main thread allocating again afterwards: every block
// keeps its own bytes, nothing is handed out twice, no report.
using System;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Threading;

static unsafe class Program
{
    static void Main()
    {
        var handoff = new BlockingCollection<(nint Ptr, int Size, byte Tag)>(256);
        int corrupt = 0;
        var producers = new Thread[4];
        for (int t = 0; t < producers.Length; t++)
        {
            byte tag = (byte)(t + 1);
            producers[t] = new Thread(() =>
            {
                for (int i = 0; i < 3000; i++)
                {
                    int size = 8 + (i * 37 + tag * 11) % 600;
                    byte* p = (byte*)NativeMemory.Alloc((nuint)size);
                    new Span<byte>(p, size).Fill(tag);
                    handoff.Add(((nint)p, size, tag));
                    byte* own = (byte*)NativeMemory.Alloc((nuint)size);   // from this thread's cache, maybe a block another thread freed
                    new Span<byte>(own, size).Fill(0xEE);
                    NativeMemory.Free(own);
                }
            });
        }
        var consumers = new Thread[2];
        for (int t = 0; t < consumers.Length; t++)
        {
            consumers[t] = new Thread(() =>
            {
                foreach (var (ptr, size, tag) in handoff.GetConsumingEnumerable())
                {
                    if (new Span<byte>((void*)ptr, size).IndexOfAnyExcept(tag) >= 0) Interlocked.Increment(ref corrupt);
                    NativeMemory.Free((void*)ptr);
                }
            });
        }
        foreach (var c in consumers) c.Start();
        foreach (var p in producers) p.Start();
        foreach (var p in producers) p.Join();
        handoff.CompleteAdding();
        foreach (var c in consumers) c.Join();
        GC.Collect();
        GC.WaitForPendingFinalizers();   // the ended threads' caches are given back here
        var live = new nint[5000];
        for (int i = 0; i < live.Length; i++)
        {
            live[i] = (nint)NativeMemory.Alloc((nuint)(8 + i % 600));
            new Span<byte>((void*)live[i], 8 + i % 600).Fill((byte)i);
        }
        for (int i = 0; i < live.Length; i++)
        {
            if (new Span<byte>((void*)live[i], 8 + i % 600).IndexOfAnyExcept((byte)i) >= 0) corrupt++;
            NativeMemory.Free((void*)live[i]);
        }
        Console.WriteLine($"handed over 12000 blocks, {corrupt} corrupted");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=0
// CHECK-NOT: ERROR:
// CHECK: handed over 12000 blocks, 0 corrupted
// CHECK-NOT: ERROR:
