using System.Collections.Concurrent;
using CommunityToolkit.HighPerformance;
using CommunityToolkit.HighPerformance.Buffers;
using CommunityToolkit.HighPerformance.Helpers;

namespace RealPackages;

/// <summary>
/// CommunityToolkit.HighPerformance from several threads: ParallelHelper with struct actions over arrays, 2D memory
/// and ranges, one StringPool shared by four threads, a static and an instance SpinLock taken through the ref-field
/// scope, and pooled owners handed from producer threads to a consumer.
/// </summary>
static class ToolkitThreadWorkload
{
    const int Threads = 4;
    static SpinLock s_spinLock = new(enableThreadOwnerTracking: false);
    static long s_total;

    public static string Run()
    {
        long digest = ParallelLoops() + SharedStringPool() + SpinLocks() + HandOffOwners();
        return $"digest {digest}";
    }

    static long ParallelLoops()
    {
        var squares = new long[20_000];
        ParallelHelper.For(0, squares.Length, new Square(squares));
        for (int i = 0; i < squares.Length; i++) Data.Check(squares[i] == (long)i * i, $"square {i}");

        var values = Enumerable.Range(0, 10_000).ToArray();
        ParallelHelper.ForEach<int, Triple>(values.AsMemory());
        for (int i = 0; i < values.Length; i++) Data.Check(values[i] == 3 * i, $"tripled {i}");

        var grid = new int[64, 48];
        ParallelHelper.For2D(0, 64, 0, 48, new Mark(grid));
        ParallelHelper.ForEach<int, Triple>(grid.AsMemory2D().Slice(8, 8, 32, 32));
        long sum = 0;
        foreach (int v in grid) sum += v;
        Data.Check(grid[8, 8] == 3 * (8 * 48 + 8) && grid[7, 8] == 7 * 48 + 8, "2D loop");
        return squares[^1] % 1000 + values[^1] + sum;
    }

    static long SharedStringPool()
    {
        var pool = new StringPool(minimumSize: 64);
        var words = System.Text.Encoding.ASCII.GetString(Data.Text(6000, 11)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long pooled = RunThreads(id =>
        {
            long count = 0;
            for (int i = id; i < words.Length; i += 1 + id)
            {
                string s = pool.GetOrAdd(words[i].AsSpan());
                Data.Check(s == words[i], $"pooled '{words[i]}'");
                count++;
            }
            return count;
        });
        return pooled;
    }

    static long SpinLocks()
    {
        var counter = new GuardedCounter();
        long done = RunThreads(id =>
        {
            for (int i = 0; i < 2000; i++)
            {
                using (s_spinLock.Enter()) s_total += id + 1;
                counter.Add(i);
            }
            return 2000;
        });
        long expectedTotal = 2000L * Enumerable.Range(1, Threads).Sum();
        Data.Check(s_total == expectedTotal, $"static spin lock total {s_total}");
        Data.Check(counter.Sum == Threads * (1999L * 2000 / 2), $"instance spin lock total {counter.Sum}");
        return done + s_total + counter.Sum;
    }

    static long HandOffOwners()
    {
        using var queue = new BlockingCollection<MemoryOwner<byte>>(boundedCapacity: 8);
        var consumer = Task.Run(() =>
        {
            long bytes = 0;
            foreach (var owner in queue.GetConsumingEnumerable())
            {
                using (owner)
                {
                    var span = owner.Span;
                    byte seed = span[0];
                    for (int i = 0; i < span.Length; i++) Data.Check(span[i] == (byte)(seed + i), "handed-off owner contents");
                    bytes += span.Length;
                }
            }
            return bytes;
        });
        long produced = RunThreads(id =>
        {
            long bytes = 0;
            for (int round = 0; round < 50; round++)
            {
                var owner = MemoryOwner<byte>.Allocate(64 + (id * 131 + round * 17) % 900);
                var span = owner.Span;
                for (int i = 0; i < span.Length; i++) span[i] = (byte)(id * 50 + round + i);
                bytes += span.Length;
                queue.Add(owner);
            }
            return bytes;
        });
        queue.CompleteAdding();
        Data.Check(consumer.Result == produced, "every handed-off byte checked");
        return produced;
    }

    static long RunThreads(Func<int, long> work)
    {
        var results = new long[Threads];
        var threads = new Thread[Threads];
        for (int t = 0; t < Threads; t++)
        {
            int id = t;
            threads[t] = new Thread(() => results[id] = work(id));
            threads[t].Start();
        }
        foreach (var thread in threads) thread.Join();
        return results.Sum();
    }

    readonly struct Square(long[] squares) : IAction
    {
        public void Invoke(int i) => squares[i] = (long)i * i;
    }

    readonly struct Triple : IRefAction<int>
    {
        public void Invoke(ref int item) => item *= 3;
    }

    readonly struct Mark(int[,] grid) : IAction2D
    {
        public void Invoke(int i, int j) => grid[i, j] = i * 48 + j;
    }

    sealed class GuardedCounter
    {
        SpinLock _lock = new(enableThreadOwnerTracking: false);
        long _sum;

        public long Sum
        {
            get { using (_lock.Enter()) return _sum; }
        }

        public void Add(long value)
        {
            using (_lock.Enter()) _sum += value;
        }
    }
}
