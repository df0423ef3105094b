using System.Collections.Concurrent;
using Ledger;

namespace Ledger.Tests;

/// <summary>Workers a test queues: a finding there fails the test only if the test waits for the worker afterwards.</summary>
public sealed class WorkerTests : IDisposable
{
    /// <summary>Workers still running after their test returned, with the signal that lets them go on.</summary>
    static readonly ConcurrentQueue<(ManualResetEventSlim Go, Task Worker)> s_late = new();

    [Fact]
    public void QueuesAWorker_ThatOverflowsAfterTheTestReturned()
    {
        var go = new ManualResetEventSlim();
        s_late.Enqueue((go, Task.Run(() =>
        {
            go.Wait();
            Spill.AfterTheTest();
        })));
    }

    [Fact]
    public void WaitsForAWorker_ThatOverflows()
    {
        Task.Run(Spill.ForTheTest).Wait();
    }

    /// <summary>Runs after the test returned: only now may the late worker run into its bug.</summary>
    public void Dispose()
    {
        while (s_late.TryDequeue(out var late))
        {
            late.Go.Set();
            late.Worker.Wait();
        }
    }
}
