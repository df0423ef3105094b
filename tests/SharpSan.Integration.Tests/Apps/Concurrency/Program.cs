// `Concurrency.dll` -> 8 threads x 50,000 operations on native memory (NativeMemory.Alloc/Free and
// Marshal.AllocHGlobal/FreeHGlobal, sizes 1..4096), each block written with a pattern and verified before it
// is freed. Correct code: no report; the totals printed are deterministic (per-thread seeds), so a run under
// SharpSan must print exactly what a plain run prints.
// `Concurrency.dll doublefree` -> the same, and worker 7 frees one block twice once all other workers are
// done: exactly one double-free, on worker 7's thread, at the line marked BUG-LINE.
using System.Runtime.InteropServices;

namespace ConcurrencyApp;

public static unsafe class Program
{
    const int Threads = 8;
    const int OpsPerThread = 50_000;
    const int Slots = 24;

    sealed class Totals
    {
        public long Allocs, Frees, Bytes, Checksum, Mismatches;
    }

    static readonly CountdownEvent s_othersDone = new(Threads - 1);

    public static int Main(string[] args)
    {
        bool doubleFree = args.Contains("doublefree");
        var totals = new Totals[Threads];
        var threads = new Thread[Threads];
        for (int t = 0; t < Threads; t++)
        {
            int id = t;
            totals[id] = new Totals();
            threads[id] = new Thread(() => Worker(id, totals[id], doubleFree && id == Threads - 1)) { Name = "worker-" + id };
        }
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();

        long allocs = 0, frees = 0, bytes = 0, checksum = 0, mismatches = 0;
        for (int t = 0; t < Threads; t++)
        {
            var x = totals[t];
            Console.WriteLine($"worker {t}: allocs={x.Allocs} frees={x.Frees} bytes={x.Bytes} checksum={x.Checksum} mismatches={x.Mismatches}");
            allocs += x.Allocs; frees += x.Frees; bytes += x.Bytes; checksum += x.Checksum; mismatches += x.Mismatches;
        }
        Console.WriteLine($"total: ops={Threads * OpsPerThread} allocs={allocs} frees={frees} bytes={bytes} checksum={checksum} mismatches={mismatches}");
        bool ok = allocs == frees && mismatches == 0 && allocs > 0;
        Console.WriteLine(ok ? "concurrency: ok" : "concurrency: FAILED");
        return ok ? 0 : 3;
    }

    struct Block
    {
        public byte* Pointer;
        public int Size;
        public byte Seed;
        public bool HGlobal;
    }

    static void Worker(int id, Totals totals, bool freeTwice)
    {
        var rng = new Random(1000 + id);
        var slots = new Block[Slots];
        IntPtr victim = freeTwice ? Marshal.AllocHGlobal(96) : IntPtr.Zero; // VICTIM-ALLOC
        for (int op = 0; op < OpsPerThread; op++)
        {
            ref Block b = ref slots[rng.Next(Slots)];
            if (b.Pointer != null)
            {
                Release(ref b, totals);
                continue;
            }
            b.Size = rng.Next(1, 4097);
            b.Seed = (byte)rng.Next(256);
            b.HGlobal = rng.Next(2) == 0;
            b.Pointer = b.HGlobal ? (byte*)Marshal.AllocHGlobal(b.Size) : (byte*)NativeMemory.Alloc((nuint)b.Size);
            for (int i = 0; i < b.Size; i++) b.Pointer[i] = (byte)(b.Seed + i * 31);
            totals.Allocs++;
            totals.Bytes += b.Size;
        }
        for (int s = 0; s < Slots; s++)
            if (slots[s].Pointer != null) Release(ref slots[s], totals);

        if (id != Threads - 1)
        {
            s_othersDone.Signal();
            return;
        }
        if (!freeTwice) return;
        s_othersDone.Wait();
        Marshal.FreeHGlobal(victim); // FIRST-FREE
        Marshal.FreeHGlobal(victim); // BUG-LINE: the same block freed a second time
    }

    static void Release(ref Block b, Totals totals)
    {
        long sum = 0;
        for (int i = 0; i < b.Size; i++)
        {
            byte v = b.Pointer[i];
            if (v != (byte)(b.Seed + i * 31)) totals.Mismatches++;
            sum += v;
        }
        totals.Checksum += sum;
        if (b.HGlobal) Marshal.FreeHGlobal((IntPtr)b.Pointer);
        else NativeMemory.Free(b.Pointer);
        totals.Frees++;
        b = default;
    }
}
