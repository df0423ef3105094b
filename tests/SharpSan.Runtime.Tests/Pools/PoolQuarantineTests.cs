using SharpSan.Runtime.Address.Pools;
using SharpSan.Runtime.Common.Options;

namespace SharpSan.Runtime.Tests.Pools;

/// <summary>The pool quarantine's bounds: FIFO by count and by bytes, and a zero budget that holds nothing back.</summary>
public sealed class PoolQuarantineTests
{
    [Fact]
    public void ByteBudget_EvictsOldestFirst_AndKeepsTheNewestEvenWhenItAloneIsTooBig()
    {
        var quarantine = new PoolQuarantine<byte>(maxArrays: 64, maxBytes: 100, elementSize: 1);
        var first = new byte[64];
        var second = new byte[64];
        quarantine.Add(first);
        quarantine.Add(second);

        Assert.Equal(1, quarantine.Count);
        Assert.Same(first, quarantine.TakeFree(64));
        Assert.Null(quarantine.TakeFree(64));

        var big = new byte[500];
        quarantine.Add(big);
        Assert.Equal(1, quarantine.Count);
        Assert.Same(second, quarantine.TakeFree(64));
        Assert.Null(quarantine.TakeFree(500));
    }

    [Fact]
    public void ZeroBudget_HandsAReturnedArrayStraightBackToTheFreeList()
    {
        var quarantine = new PoolQuarantine<int>(maxArrays: 64, maxBytes: 0, elementSize: sizeof(int));
        var array = new int[16];
        quarantine.Add(array);

        Assert.Equal(0, quarantine.Count);
        Assert.Same(array, quarantine.TakeFree(16));
    }

    [Fact]
    public void CountCap_EvictsOldestFirst()
    {
        var quarantine = new PoolQuarantine<byte>(maxArrays: 2, maxBytes: long.MaxValue, elementSize: 1);
        var arrays = new[] { new byte[16], new byte[16], new byte[16] };
        foreach (var a in arrays) quarantine.Add(a);

        Assert.Equal(2, quarantine.Count);
        Assert.Same(arrays[0], quarantine.TakeFree(16));
        Assert.Null(quarantine.TakeFree(16));
    }

    [Theory]
    [InlineData("pool_quarantine_size_mb=0", 0L)]
    [InlineData("pool_quarantine_size_mb=8", 8L << 20)]
    [InlineData("", 64L << 20)]
    public void Option_SetsThePerPoolByteBudget(string text, long expected)
    {
        Assert.Equal(expected, SanitizerOptions.Parse(text).PoolQuarantineBytes);
    }

    [Fact]
    public void Option_RejectsNegativeBudgets()
    {
        var e = Assert.Throws<OptionsException>(() => SanitizerOptions.Parse("pool_quarantine_size_mb=-1"));
        Assert.Contains("pool_quarantine_size_mb", e.Message);
    }
}

/// <summary>What the quarantine tells the same-array note: whether the BCL's pool would have handed back a held array.</summary>
public sealed class PoolQuarantineHoldsTests
{
    [Fact]
    public void Holds_IsTrueWhileAnArrayOfThatLengthWaits()
    {
        var quarantine = new PoolQuarantine<byte>(maxArrays: 2, maxBytes: 1 << 20, elementSize: 1);
        Assert.False(quarantine.Holds(16));
        quarantine.Add(new byte[16]);
        Assert.True(quarantine.Holds(16));
        Assert.False(quarantine.Holds(32));
        quarantine.Add(new byte[32]);
        quarantine.Add(new byte[32]);   // the 16 leaves the FIFO for the free list
        Assert.False(quarantine.Holds(16));
        Assert.True(quarantine.Holds(32));
    }
}
