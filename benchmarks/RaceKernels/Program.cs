// SharpSan race benchmark kernels, C# version: the twin of ../c/races.c.
//
//   dotnet RaceKernels.dll <lockcounter|ownfields|partition|prodcons|interlocked> [size] [threads]
//
// Same algorithms, sizes and thread counts, same output line
// "<kernel> size=<size> threads=<t> checksum=<16 hex digits>" as the C program; races.sh
// checks that the checksums agree. The checksums do not depend on the scheduling: per-thread
// results are combined in thread order after the joins, shared results only through
// commutative operations (sum, xor, count). Threads are plain `new Thread(...)` + Start/Join.
//
// All five kernels are correct programs (no data race): a race detector must stay silent.
// `selftest-race` is not a benchmark: two threads increment one static field without
// synchronisation, so races.sh can check that the sanitized build really detects races.

namespace SharpSan.Benchmarks.RaceKernels;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: RaceKernels <lockcounter|ownfields|partition|prodcons|interlocked> [size] [threads]");
            return 2;
        }

        string kernel = args[0];
        ulong size = args.Length > 1 ? ulong.Parse(args[1]) : 0;
        int threads = args.Length > 2 ? int.Parse(args[2]) : 2;
        if (threads < 1 || threads > 256)
        {
            Console.Error.WriteLine("threads must be in 1..256");
            return 2;
        }

        Func<ulong, int, ulong> run;
        ulong defaultSize;
        switch (kernel)
        {
            case "lockcounter": run = LockCounter; defaultSize = 2000; break;
            case "ownfields": run = OwnFields; defaultSize = 600; break;
            case "partition": run = Partition; defaultSize = 6000; break;
            case "prodcons": run = ProdCons; defaultSize = 800; break;
            case "interlocked": run = InterlockedCounters; defaultSize = 5000; break;
            case "selftest-race": return SelfTestRace();
            default:
                Console.Error.WriteLine($"unknown kernel '{kernel}'");
                return 2;
        }

        if (size == 0)
        {
            size = defaultSize;
        }

        ulong r = run(size, threads);
        Console.WriteLine($"{kernel} size={size} threads={threads} checksum={r:x16}");
        return 0;
    }

    // ---- shared helpers (keep in sync with races.c) -------------------------

    private static ulong Mix64(ulong x) // splitmix64 step on state x
    {
        ulong z = x + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Combine(ulong h, ulong v) => Mix64(h ^ v);

    /// <summary>Starts <paramref name="count"/> threads running body(tid) and joins them all.</summary>
    private static void RunThreads(int count, Action<int> body)
    {
        var threads = new Thread[count];
        for (int t = 0; t < count; t++)
        {
            int tid = t;
            threads[t] = new Thread(() => body(tid));
            threads[t].Start();
        }

        foreach (Thread th in threads)
        {
            th.Join();
        }
    }

    // ---- lockcounter: shared counters updated under one lock ----------------
    // size = thousands of increments per thread.

    private sealed class Counters
    {
        public ulong Count;
        public ulong Sum;
        public ulong Xor;
    }

    private static ulong LockCounter(ulong size, int threads)
    {
        var c = new Counters();
        ulong n = size * 1000;
        RunThreads(threads, tid =>
        {
            ulong seed = (ulong)(tid + 1) << 40;
            for (ulong i = 0; i < n; i++)
            {
                ulong v = Mix64(seed + i); // a little work outside the lock
                lock (c)
                {
                    c.Count++;
                    c.Sum += v >> 16;
                    c.Xor ^= v;
                }
            }
        });
        return Combine(Combine(Combine(0, c.Count), c.Sum), c.Xor);
    }

    // ---- ownfields: each thread moves its own particles, no sharing ---------
    // Fixed-point integer "particles" pulled towards the origin by a spring.
    // size = thousands of steps; 256 particles (objects) per thread.

    private const int Particles = 256;

    private sealed class Particle
    {
        public long X;
        public long Y;
        public long VX;
        public long VY;
    }

    private static ulong OwnFields(ulong size, int threads)
    {
        var results = new ulong[threads];
        ulong steps = size * 1000;
        RunThreads(threads, tid =>
        {
            var ps = new Particle[Particles];
            ulong seed = (ulong)(tid + 1) << 40;
            for (int i = 0; i < Particles; i++)
            {
                ps[i] = new Particle
                {
                    X = (long)(Mix64(seed + (4 * (ulong)i)) & 0xFFFFF) - 0x80000,
                    Y = (long)(Mix64(seed + (4 * (ulong)i) + 1) & 0xFFFFF) - 0x80000,
                    VX = (long)(Mix64(seed + (4 * (ulong)i) + 2) & 0xFFF) - 0x800,
                    VY = (long)(Mix64(seed + (4 * (ulong)i) + 3) & 0xFFF) - 0x800,
                };
            }

            for (ulong s = 0; s < steps; s++)
            {
                for (int i = 0; i < ps.Length; i++)
                {
                    Particle q = ps[i];
                    q.VX -= q.X >> 6;
                    q.VY -= q.Y >> 6;
                    q.X += q.VX >> 2;
                    q.Y += q.VY >> 2;
                }
            }

            ulong h = 0;
            foreach (Particle q in ps)
            {
                h = Combine(h, (ulong)q.X);
                h = Combine(h, (ulong)q.Y);
                h = Combine(h, (ulong)q.VX);
                h = Combine(h, (ulong)q.VY);
            }

            results[tid] = h;
        });
        ulong r = 0;
        foreach (ulong h in results)
        {
            r = Combine(r, h);
        }

        return r;
    }

    // ---- partition: disjoint slices of one shared array ---------------------
    // Rounds of: start T threads, each makes Passes passes over its own slice of one uint[],
    // join them; then the main thread folds the array (reads every element, mixes the two
    // halves). size = thousands of elements.

    private const int Rounds = 4;
    private const int Passes = 16;

    private static ulong Partition(ulong size, int threads)
    {
        ulong n = size * 1000;
        var a = new uint[n];
        for (ulong i = 0; i < n; i++)
        {
            a[i] = (uint)Mix64(i);
        }

        ulong h = 0;
        for (int r = 0; r < Rounds; r++)
        {
            uint salt = (uint)r * 0x9E3779B9u;
            RunThreads(threads, tid =>
            {
                ulong lo = n * (ulong)tid / (ulong)threads;
                ulong hi = n * (ulong)(tid + 1) / (ulong)threads;
                for (int pass = 0; pass < Passes; pass++)
                {
                    uint carry = salt + (uint)pass;
                    for (ulong i = lo; i < hi; i++)
                    {
                        uint v = (a[i] * 1664525u) + 1013904223u + carry;
                        carry = v >> 7;
                        a[i] = v;
                    }
                }
            });

            // main thread, after the joins: read every element, mix across the slices
            ulong s = 0;
            for (ulong i = 0; i < n; i++)
            {
                s = (s * 31) + a[i];
            }

            for (ulong i = 0; i < n / 2; i++)
            {
                a[i] += a[n - 1 - i];
            }

            h = Combine(h, s);
        }

        return h;
    }

    // ---- prodcons: bounded queue, one lock + Monitor.Wait/Pulse -------------
    // T/2 producers and the other threads consumers; each producer makes size*1000 items
    // (new objects, fields written by the producer), consumers read them. The queue is a ring
    // of QueueCapacity references with head/tail fields, guarded by lock (queue).

    private const int QueueCapacity = 64;

    private sealed class Item
    {
        public ulong Seq;
        public ulong A;
        public ulong B;
    }

    private sealed class BoundedQueue
    {
        public readonly Item?[] Ring = new Item?[QueueCapacity];
        public int Head;
        public int Tail;
        public int Count;
        public int WaitingProducers;
        public int WaitingConsumers;
        public ulong Taken;
        public ulong Total;
    }

    private static ulong ProdCons(ulong size, int threads)
    {
        if (threads < 2)
        {
            Console.Error.WriteLine("prodcons needs at least 2 threads");
            Environment.Exit(2);
        }

        int producers = threads / 2;
        ulong perProducer = size * 1000;
        var q = new BoundedQueue { Total = perProducer * (ulong)producers };
        var sums = new ulong[threads];
        var xors = new ulong[threads];
        RunThreads(threads, tid =>
        {
            if (tid < producers)
            {
                Produce(q, (ulong)tid * perProducer, perProducer);
            }
            else
            {
                (sums[tid], xors[tid]) = Consume(q);
            }
        });

        // Which consumer took which item depends on the scheduling: the per-item values are
        // folded with + and ^ only, so the totals do not.
        ulong s = 0, x = 0;
        for (int t = producers; t < threads; t++)
        {
            s += sums[t];
            x ^= xors[t];
        }

        return Combine(Combine(s, x), q.Taken);
    }

    // One monitor wait set holds both kinds of waiters: Pulse when only one kind can be
    // waiting, PulseAll when both may be (only possible with more than two threads).
    private static void Wake(BoundedQueue q, int waitingOfTheKindToWake)
    {
        if (waitingOfTheKindToWake == 0)
        {
            return;
        }

        if (q.WaitingProducers > 0 && q.WaitingConsumers > 0)
        {
            Monitor.PulseAll(q);
        }
        else
        {
            Monitor.Pulse(q);
        }
    }

    private static void Produce(BoundedQueue q, ulong first, ulong count)
    {
        for (ulong i = 0; i < count; i++)
        {
            var it = new Item { Seq = first + i };
            it.A = Mix64(it.Seq);
            it.B = it.A ^ (it.Seq << 1);
            lock (q)
            {
                while (q.Count == QueueCapacity)
                {
                    q.WaitingProducers++;
                    Monitor.Wait(q);
                    q.WaitingProducers--;
                }

                q.Ring[q.Tail] = it;
                q.Tail = (q.Tail + 1) % QueueCapacity;
                q.Count++;
                Wake(q, q.WaitingConsumers);
            }
        }
    }

    private static (ulong Sum, ulong Xor) Consume(BoundedQueue q)
    {
        ulong sum = 0, x = 0;
        while (true)
        {
            Item it;
            lock (q)
            {
                while (q.Count == 0 && q.Taken < q.Total)
                {
                    q.WaitingConsumers++;
                    Monitor.Wait(q);
                    q.WaitingConsumers--;
                }

                if (q.Count == 0)
                {
                    break; // everything taken
                }

                it = q.Ring[q.Head]!;
                q.Ring[q.Head] = null;
                q.Head = (q.Head + 1) % QueueCapacity;
                q.Count--;
                q.Taken++;
                if (q.Taken == q.Total)
                {
                    Monitor.PulseAll(q);
                }
                else
                {
                    Wake(q, q.WaitingProducers);
                }
            }

            sum += it.A + (3 * it.B);
            x ^= Mix64(it.A ^ it.Seq) + it.B;
        }

        return (sum, x);
    }

    // ---- interlocked: shared counters updated with atomics ------------------
    // size = thousands of iterations per thread.

    private sealed class AtomicCounters
    {
        public long Hits;
        public long Total;
    }

    private static ulong InterlockedCounters(ulong size, int threads)
    {
        var c = new AtomicCounters();
        var results = new ulong[threads];
        ulong n = size * 1000;
        RunThreads(threads, tid =>
        {
            ulong seed = (ulong)(tid + 1) << 40;
            ulong local = 0;
            for (ulong i = 0; i < n; i++)
            {
                ulong v = Mix64(seed + i);
                local += v;
                Interlocked.Increment(ref c.Hits);
                if ((v & 1) != 0)
                {
                    Interlocked.Add(ref c.Total, (long)(v >> 56));
                }
            }

            results[tid] = local;
        });
        ulong h = Combine(Combine(0, (ulong)c.Hits), (ulong)c.Total);
        foreach (ulong r in results)
        {
            h = Combine(h, r);
        }

        return h;
    }

    // ---- selftest-race: a deliberate data race (not a benchmark) ------------

    private static long s_racyCounter;

    private static int SelfTestRace()
    {
        RunThreads(2, _ =>
        {
            for (int i = 0; i < 1000; i++)
            {
                s_racyCounter++;
            }
        });
        Console.WriteLine($"selftest-race counter={s_racyCounter}");
        return 0;
    }
}
