using SharpSan.Runtime.Address.Allocator;

namespace SharpSan.Runtime.Tests.Allocator;

public sealed class QuarantineTests
{
    readonly List<nuint> _released = [];

    Quarantine Create(long capacity) => new(capacity, chunk => _released.Add(chunk));

    [Fact]
    public void Put_WithinTheBudget_ReleasesNothingAndCountsBytes()
    {
        var quarantine = Create(100);

        quarantine.Put(0x1000, 40);
        quarantine.Put(0x2000, 60);

        Assert.Empty(_released);
        Assert.Equal(2, quarantine.Count);
        Assert.Equal(100, quarantine.Bytes);
    }

    [Fact]
    public void Put_OverTheBudget_ReleasesTheOldestChunksFirstUntilBackWithinIt()
    {
        var quarantine = Create(100);
        quarantine.Put(0x1000, 40);
        quarantine.Put(0x2000, 40);
        quarantine.Put(0x3000, 10);

        quarantine.Put(0x4000, 40);   // 130 > 100: the oldest (0x1000) goes
        Assert.Equal([(nuint)0x1000], _released);
        Assert.Equal(90, quarantine.Bytes);

        quarantine.Put(0x5000, 60);   // 150: 0x2000 (110), then 0x3000 (100) go
        Assert.Equal([(nuint)0x1000, 0x2000, 0x3000], _released);
        Assert.Equal(100, quarantine.Bytes);
        Assert.Equal(2, quarantine.Count);
    }

    [Fact]
    public void Put_OfAChunkLargerThanTheWholeBudget_ReleasesEverythingIncludingIt()
    {
        var quarantine = Create(100);
        quarantine.Put(0x1000, 30);

        quarantine.Put(0x2000, 500);

        Assert.Equal([(nuint)0x1000, 0x2000], _released);
        Assert.Equal(0, quarantine.Count);
        Assert.Equal(0, quarantine.Bytes);
    }

    [Fact]
    public void Put_WithAZeroBudget_ReleasesEachChunkImmediately()
    {
        var quarantine = Create(0);

        quarantine.Put(0x1000, 16);
        quarantine.Put(0x2000, 16);

        Assert.Equal([(nuint)0x1000, 0x2000], _released);
        Assert.Equal(0, quarantine.Count);
    }

    [Fact]
    public void Put_FromManyThreads_ReleasesEachChunkExactlyOnceAndKeepsTheRestWithinBudget()
    {
        var released = new System.Collections.Concurrent.ConcurrentBag<nuint>();
        var quarantine = new Quarantine(10_000, chunk => released.Add(chunk));
        const int Threads = 8, PerThread = 5000;

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            for (int i = 0; i < PerThread; i++) quarantine.Put((nuint)((t * PerThread + i + 1) * 16), 16 + i % 50);
        });

        Assert.True(quarantine.Bytes <= 10_000);
        Assert.Equal(Threads * PerThread, released.Count + quarantine.Count);
        Assert.Equal(released.Count, released.Distinct().Count());
    }
}
