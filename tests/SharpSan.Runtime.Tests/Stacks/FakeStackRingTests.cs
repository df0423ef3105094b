using SharpSan.Runtime.Address.Stack;

namespace SharpSan.Runtime.Tests.Stacks;

public sealed unsafe class FakeStackRingTests
{
    [Fact]
    public void Blocks_AreCutInOrder_AndAReturnedOneIsNotHandedOutAgainBeforeTheRingComesRound()
    {
        var ring = FakeStackRing.Create();
        byte* first = ring.TryTake(64);
        ring.Return();
        byte* second = ring.TryTake(128);
        byte* third = ring.TryTake(32);

        Assert.True(second == first + 64);
        Assert.True(third == second + 128);
        Assert.True(ring.Contains(first) && ring.Contains(third));
        ring.Dispose();
    }

    [Fact]
    public void WhenTheOldestLiveBlockIsInTheWay_NothingIsCut_AndAfterItsReturnTheRingWraps()
    {
        var ring = FakeStackRing.Create();
        const nuint chunk = 32 * 1024;
        byte* oldest = ring.TryTake(chunk);   // stays live, like a buffer of Main's
        int cut = 1;
        while (cut < 1000)
        {
            byte* b = ring.TryTake(chunk);
            if (b == null) break;
            Assert.True(b >= oldest + chunk || b + chunk < oldest, "a block overlaps the live one");
            ring.Return();
            cut++;
        }

        Assert.Equal(FakeStackRing.Bytes / (int)chunk, cut);   // every other slot was cut once, then the ring was full
        ring.Return();   // the oldest goes
        byte* wrapped = ring.TryTake(chunk);
        Assert.True(wrapped == oldest, "with nothing live the ring starts over");
        ring.Dispose();
    }

    [Fact]
    public void LargeBlocks_AreLeftToMalloc()
    {
        var ring = FakeStackRing.Create();
        Assert.True(ring.TryTake(256 * 1024) == null);
        ring.Dispose();
    }
}
