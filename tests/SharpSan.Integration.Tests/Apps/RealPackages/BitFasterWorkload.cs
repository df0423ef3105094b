using BitFaster.Caching;
using BitFaster.Caching.Lfu;
using BitFaster.Caching.Lru;
using BitFaster.Caching.Scheduler;

namespace RealPackages;

/// <summary>
/// BitFaster.Caching's concurrent caches shared by four threads: overlapping keys, so the threads meet on the same
/// entries, queues and counters; every value handed back must be the one made for its key.
/// </summary>
static class BitFasterWorkload
{
    const int Threads = 4;
    const int Rounds = 1500;
    const int KeySpace = 300;
    const int Capacity = 100;

    public static string Run()
    {
        long verified = 0;
        using var scheduler = new BackgroundThreadScheduler();
        var caches = new (string Name, ICache<int, Entry> Cache)[]
        {
            ("lru", new ConcurrentLruBuilder<int, Entry>().WithCapacity(Capacity).WithMetrics().Build()),
            ("tlru", new ConcurrentLruBuilder<int, Entry>().WithCapacity(Capacity).WithExpireAfterWrite(TimeSpan.FromHours(1)).Build()),
            ("fast-lru", new FastConcurrentLru<int, Entry>(Capacity)),
            ("atomic-lru", new ConcurrentLruBuilder<int, Entry>().WithAtomicGetOrAdd().WithCapacity(Capacity).Build()),
            ("lfu", new ConcurrentLfuBuilder<int, Entry>().WithCapacity(Capacity).WithScheduler(scheduler).Build()),
            ("classic-lru", new ClassicLru<int, Entry>(Capacity)),
        };
        foreach (var (name, cache) in caches)
        {
            verified += Hammer(name, cache);
            VerifyQuiescent(name, cache);
        }
        verified += HammerAsync(new ConcurrentLruBuilder<int, Entry>().AsAsyncCache().WithAtomicGetOrAdd().WithCapacity(Capacity).Build());
        verified += HammerScoped(new ConcurrentLruBuilder<int, Resource>().AsScopedCache().WithCapacity(Capacity).Build());

        var metrics = caches[0].Cache.Metrics.Value!;
        Data.Check(metrics.Hits > 0 && metrics.Misses > 0, $"lru metrics: {metrics.Hits} hits, {metrics.Misses} misses");
        return $"{caches.Length + 2} caches, {verified} lookups verified";
    }

    static long Hammer(string name, ICache<int, Entry> cache) => RunThreads(id =>
    {
        long verified = 0;
        for (int round = 0; round < Rounds; round++)
        {
            int key = KeyFor(id, round);
            switch (round % 8)
            {
                case 5:
                    // Counted whether or not it hits: the summary must not depend on the interleaving.
                    if (cache.TryGet(key, out var found)) Entry.Verify(found, key, name);
                    verified++;
                    break;
                case 6:
                    cache.AddOrUpdate(key, new Entry(key));
                    break;
                case 7:
                    cache.TryRemove(key);
                    break;
                default:
                    Entry.Verify(cache.GetOrAdd(key, k => new Entry(k)), key, name);
                    verified++;
                    break;
            }
        }
        return verified;
    });

    static long HammerAsync(IAsyncCache<int, Entry> cache)
    {
        var tasks = Enumerable.Range(0, Threads).Select(id => Task.Run(async () =>
        {
            long verified = 0;
            for (int round = 0; round < Rounds / 2; round++)
            {
                int key = KeyFor(id, round);
                var entry = await cache.GetOrAddAsync(key, async k => { await Task.Yield(); return new Entry(k); });
                Entry.Verify(entry, key, "async-atomic-lru");
                verified++;
            }
            return verified;
        })).ToArray();
        Task.WaitAll(tasks);
        return tasks.Sum(t => t.Result);
    }

    static long HammerScoped(IScopedCache<int, Resource> cache)
    {
        long verified = RunThreads(id =>
        {
            long verified = 0;
            for (int round = 0; round < Rounds / 2; round++)
            {
                int key = KeyFor(id, round);
                using var lifetime = cache.ScopedGetOrAdd(key, k => new Scoped<Resource>(new Resource(k)));
                // The cache may evict the scope meanwhile: the lifetime keeps the resource alive until it is disposed.
                Data.Check(!lifetime.Value.IsDisposed && lifetime.Value.Entry.Key == key, $"scoped resource for {key}");
                Entry.Verify(lifetime.Value.Entry, key, "scoped-lru");
                verified++;
            }
            return verified;
        });
        cache.Clear();
        return verified;
    }

    /// <summary>After the threads joined: whatever the cache still holds is right, and it respected its bound.</summary>
    static void VerifyQuiescent(string name, ICache<int, Entry> cache)
    {
        // The LFU applies reads and writes to its policy in batches on the scheduler's thread: settle them first. The
        // builder hands back an internal FastConcurrentLfu<K, V, N, P> (not ConcurrentLfu<K, V>) unless metrics are on,
        // so find DoMaintenance on whatever it built; without it the bound check raced with the background drain.
        if (name == "lfu")
        {
            var maintenance = cache.GetType().GetMethod("DoMaintenance", Type.EmptyTypes)
                ?? throw new InvalidOperationException($"MISMATCH: lfu: {cache.GetType()} has no DoMaintenance()");
            maintenance.Invoke(cache, null);
        }
        int present = 0;
        for (int key = 0; key < KeySpace; key++)
            if (cache.TryGet(key, out var entry)) { Entry.Verify(entry, key, name); present++; }
        Data.Check(present > 0, $"{name}: empty after the workload");
        Data.Check(cache.Count <= Capacity + Threads, $"{name}: {cache.Count} entries in a cache of capacity {Capacity}");
    }

    static int KeyFor(int thread, int round) => (int)(Data.Next((uint)(thread * 7919 + round * 104729 + 1)) % KeySpace);

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

    sealed class Entry(int key)
    {
        public int Key { get; } = key;
        public string Label { get; } = $"entry-{key}";
        public long Digest { get; } = (long)key * key * 31 + 7;

        public static void Verify(Entry entry, int key, string cache) =>
            Data.Check(entry.Key == key && entry.Label == $"entry-{key}" && entry.Digest == (long)key * key * 31 + 7,
                $"{cache}: key {key} returned the entry of {entry.Key}");
    }

    sealed class Resource(int key) : IDisposable
    {
        public Entry Entry { get; } = new(key);
        public bool IsDisposed { get; private set; }
        public void Dispose() => IsDisposed = true;
    }
}
