using Pipeline;
using SharpSan.Annotations;

namespace Pipeline.Tests;

public class PipelineTests
{
    [Fact]
    public void Frame_Checksum()
    {
        using var frame = new Frame(16);
        frame.Fill(3);
        Assert.Equal(48, frame.Checksum());
    }

    [Fact]
    public void Frame_Sealed_Overflows()
    {
        using var frame = new Frame(16);
        frame.Fill(1);
        frame.Seal(0xFF);
        Assert.Equal(16, frame.Checksum());
    }

    [Fact]
    public void Lease_ReleasedOnce()
    {
        var lease = new Lease(64);
        lease.Span[63] = 9;
        Assert.Equal(9, lease.Span[63]);
        lease.Release();
    }

    [Fact]
    public void Lease_ReleasedTwice_DoubleReturns()
    {
        var lease = new Lease(64);
        lease.Release();
        lease.Release();
    }

    // The barrier is invisible to the sanitizer: it makes the worker's write happen before the test's read in time
    // without ordering them, so the race is found the same way on every run (and on the test's own thread).
    [Fact]
    public void HitCounter_UnderTheLock()
    {
        var counter = new HitCounter();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() => { counter.AddLocked(); barrier.Wait(); });
        worker.Start();
        barrier.Wait();
        int hits = counter.ReadLocked();
        worker.Join();
        Assert.Equal(1, hits);
    }

    [Fact]
    public void HitCounter_WithoutTheLock_Races()
    {
        var counter = new HitCounter();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() => { counter.AddUnlocked(); barrier.Wait(); });
        worker.Start();
        barrier.Wait();
        int hits = counter.ReadUnlocked();
        worker.Join();
        Assert.Equal(1, hits);
    }
}
