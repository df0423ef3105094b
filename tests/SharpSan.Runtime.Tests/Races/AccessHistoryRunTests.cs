using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Tests.Races;

/// <summary>Element runs in the race history: one entry covers consecutive keys of one epoch, site and activation.</summary>
public sealed class AccessHistoryRunTests
{
    const long Array7 = 7L << 32;

    [Fact]
    public void ConsecutiveElements_AreFoundInsideTheRunOnly()
    {
        var history = new AccessHistory(8);
        for (int i = 0; i < 5; i++) history.RecordElement(Array7 | (uint)i, clock: 3, site: 10, write: true);
        int stack = history.Find(Array7, 3, write: true);
        Assert.NotEqual(-1, stack);
        Assert.Equal(stack, history.Find(Array7 | 4, 3, write: true));
        Assert.Equal(-1, history.Find(Array7 | 5, 3, write: true));    // past the run's end
        Assert.Equal(-1, history.Find(Array7 | 2, 4, write: true));    // another epoch
        Assert.Equal(-1, history.Find(Array7 | 2, 3, write: false));   // a read was never recorded
    }

    [Fact]
    public void ARun_DoesNotPushOlderEntriesOutOfTheRing()
    {
        var history = new AccessHistory(8);
        history.Record(key: 99, clock: 2, site: 4, write: false);
        for (int i = 0; i < 100; i++) history.RecordElement(Array7 | (uint)i, clock: 3, site: 10, write: true);
        Assert.NotEqual(-1, history.Find(99, 2, write: false));
        Assert.NotEqual(-1, history.Find(Array7 | 57, 3, write: true));
    }

    [Fact]
    public void ARun_EndsAtAnotherEpochKindOrAGap()
    {
        var history = new AccessHistory(16);
        history.RecordElement(Array7 | 1, clock: 3, site: 12, write: true);
        history.RecordElement(Array7 | 2, clock: 4, site: 12, write: true);    // another epoch
        history.RecordElement(Array7 | 3, clock: 4, site: 12, write: false);   // a read
        history.RecordElement(Array7 | 5, clock: 4, site: 12, write: false);   // a gap
        Assert.NotEqual(-1, history.Find(Array7 | 1, 3, write: true));
        Assert.Equal(-1, history.Find(Array7 | 2, 3, write: true));    // the clock-3 run does not reach element 2
        Assert.NotEqual(-1, history.Find(Array7 | 2, 4, write: true));
        Assert.Equal(-1, history.Find(Array7 | 3, 4, write: true));    // nor does the write run reach the read
        Assert.NotEqual(-1, history.Find(Array7 | 3, 4, write: false));
        Assert.Equal(-1, history.Find(Array7 | 4, 4, write: false));   // the gap stays uncovered
        Assert.NotEqual(-1, history.Find(Array7 | 5, 4, write: false));
    }

    [Fact]
    public void ARun_OnlyExtendsTheNewestEntry()
    {
        var history = new AccessHistory(16);
        history.RecordElement(Array7 | 0, clock: 3, site: 12, write: true);
        history.Record(key: 99, clock: 3, site: 12, write: true);
        history.RecordElement(Array7 | 1, clock: 3, site: 12, write: true);
        history.RecordElement(Array7 | 2, clock: 3, site: 12, write: true);
        Assert.NotEqual(-1, history.Find(Array7 | 0, 3, write: true));
        Assert.NotEqual(-1, history.Find(99, 3, write: true));
        Assert.Equal(-1, history.Find(100, 3, write: true));           // the field entry is not a run
        Assert.NotEqual(-1, history.Find(Array7 | 2, 3, write: true));
    }
}
