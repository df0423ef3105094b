using SharpSan.Runtime.Races.Deadlock;

namespace SharpSan.Runtime.Tests.Races;

public sealed class LockGraphTests
{
    static LockEdge E(int from, int to, int tid = 0) => new(from, to, tid, 0, 0);

    [Fact]
    public void TwoLocksInOppositeOrders_CloseACycle()
    {
        var g = new LockGraph();
        Assert.Null(g.AddAndFindCycle(E(1, 2)));
        var cycle = g.AddAndFindCycle(E(2, 1, tid: 1));
        Assert.NotNull(cycle);
        Assert.Equal([(1, 2), (2, 1)], cycle!.Select(e => (e.From, e.To)));
    }

    [Fact]
    public void ThreeLockCycle_IsFoundThroughAPath()
    {
        var g = new LockGraph();
        Assert.Null(g.AddAndFindCycle(E(1, 2)));
        Assert.Null(g.AddAndFindCycle(E(2, 3)));
        var cycle = g.AddAndFindCycle(E(3, 1));
        Assert.Equal([(1, 2), (2, 3), (3, 1)], cycle!.Select(e => (e.From, e.To)));
    }

    [Fact]
    public void ConsistentOrder_HasNoCycle()
    {
        var g = new LockGraph();
        Assert.Null(g.AddAndFindCycle(E(1, 2)));
        Assert.Null(g.AddAndFindCycle(E(2, 3)));
        Assert.Null(g.AddAndFindCycle(E(1, 3)));
        Assert.Null(g.AddAndFindCycle(E(1, 2, tid: 5)));
    }

    [Fact]
    public void ExistingEdge_IsNotAddedAgainAndReportsNothing()
    {
        var g = new LockGraph();
        g.AddAndFindCycle(E(1, 2, tid: 0));
        Assert.NotNull(g.AddAndFindCycle(E(2, 1)));
        Assert.Null(g.AddAndFindCycle(E(2, 1, tid: 7)));    // same edge again: the cycle was already found
        Assert.Equal(0, g.Edge(2, 1)!.Value.Tid);
    }

    [Fact]
    public void SelfEdge_IsIgnored()
    {
        var g = new LockGraph();
        Assert.Null(g.AddAndFindCycle(E(4, 4)));
        Assert.Null(g.Edge(4, 4));
    }

    [Fact]
    public void FindPath_ReturnsTheShortestPath()
    {
        var g = new LockGraph();
        g.Add(E(1, 2)); g.Add(E(2, 3)); g.Add(E(3, 4)); g.Add(E(1, 4));
        Assert.Equal([(1, 4)], g.FindPath(1, 4)!.Select(e => (e.From, e.To)));
        Assert.Null(g.FindPath(4, 1));
    }
}
