namespace Stats.Tests;

public sealed class Totals
{
    readonly object _gate = new();
    long _sum;
    int _count;

    public void AddLocked(long value)
    {
        lock (_gate)
        {
            _sum += value;
            _count++;
        }
    }

    public void AddUnlocked(long value)
    {
        _sum += value;   // BUG-RACE
        _count++;
    }

    public long Sum { get { lock (_gate) return _sum; } }
}

public class StatsTests
{
    [Fact]
    public void SingleThread_AddsUp()
    {
        var totals = new Totals();
        for (int i = 1; i <= 10; i++) totals.AddUnlocked(i);
        Assert.Equal(55, totals.Sum);
    }

    [Fact]
    public void TwoThreads_UnderTheLock_AddUp()
    {
        var totals = new Totals();
        var threads = Enumerable.Range(0, 2).Select(_ => new Thread(() => { for (int i = 1; i <= 100; i++) totals.AddLocked(i); })).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        Assert.Equal(10100, totals.Sum);
    }

    [Fact]
    public void TwoThreads_WithoutTheLock_Race()
    {
        // Both threads write the same fields with nothing ordering them: a data race whatever the interleaving.
        var totals = new Totals();
        var threads = Enumerable.Range(0, 2).Select(_ => new Thread(() => totals.AddUnlocked(1))).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        Assert.Equal(2, totals.Sum);
    }
}
