using System.Collections.Concurrent;
using Ledger;

namespace Ledger.Tests;

/// <summary>
/// Pool work started by the test class's constructor (for every test), not by a test: its finding is outside tests and
/// fails none. One test fails on its own thread, leaving its frame on that thread's shadow stack when the exception
/// escapes into the framework; the next constructor runs there, called through a runtime-generated InvokeStub_*.
/// </summary>
public sealed class FlusherTests
{
    static readonly ConcurrentQueue<ManualResetEventSlim> s_flushes = new();

    public FlusherTests()
    {
        var flushed = new ManualResetEventSlim();
        s_flushes.Enqueue(flushed);
        Task.Factory.StartNew(() =>
        {
            Spill.FromTheConstructor();
            flushed.Set();
        });
    }

    /// <summary>Waits on an event, not the task: Task.Wait could run the flush inline, on the test's own stack.</summary>
    static void WaitForTheFlush()
    {
        while (s_flushes.TryDequeue(out var flushed)) flushed.Wait();
    }

    [Fact]
    public void Overflows()
    {
        WaitForTheFlush();
        Spill.InTheTest();
    }

    [Fact]
    public void First() => WaitForTheFlush();

    [Fact]
    public void Second() => WaitForTheFlush();

    [Fact]
    public void Third() => WaitForTheFlush();

    [Fact]
    public void Fourth() => WaitForTheFlush();
}

/// <summary>Workers that fail and are observed: the exceptions leave checked frames on pool threads.</summary>
public sealed class PoolTests
{
    [Fact]
    public async Task AWorkerThatThrows_IsObserved()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Task.Run(Work.Fail));
    }

    [Fact]
    public void WorkersThatThrow_AreObserved()
    {
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(Work.Fail)).ToArray();
        Assert.Throws<AggregateException>(() => Task.WaitAll(workers));
    }
}
