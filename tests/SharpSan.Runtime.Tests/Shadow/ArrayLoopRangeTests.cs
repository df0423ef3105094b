using System.Buffers;
using SharpSan.Runtime.Address;
using SharpSan.Runtime.Address.Pools;

namespace SharpSan.Runtime.Tests.Shadow;

/// <summary>
/// The merged range checks of versioned loops over <c>array[i]</c> and <c>array[X + i]</c>: true only when every element
/// the loop can reach is addressable; a rented array's tail past the requested length fails them; an offset whose
/// 32-bit sum with the index could wrap leaves the element checks on.
/// </summary>
public sealed class ArrayLoopRangeTests
{
    [Fact]
    public void OrdinaryArray_EveryRangePasses()
    {
        var array = new double[100];
        Assert.True(AddressChecks.ArrayLoopRange(array, 0, 100, sizeof(double)));
        Assert.True(AddressChecks.ArrayLoopRangeAt(array, 0, 10, 90, sizeof(double)));
        Assert.True(AddressChecks.ArrayLoopRangeAt(array, 5, 15, -5, sizeof(double)));
    }

    [Fact]
    public void RentedArray_TheOffsetMovesTheRangeOntoThePoisonedTail()
    {
        var pool = new CheckingArrayPool<int>(ArrayPool<int>.Create());
        var array = pool.Rent(12);   // 16 ints, 12 requested
        Assert.True(AddressChecks.ArrayLoopRangeAt(array, 0, 4, 8, sizeof(int)));    // elements 8..11
        Assert.False(AddressChecks.ArrayLoopRangeAt(array, 0, 4, 12, sizeof(int)));  // elements 12..15
        Assert.False(AddressChecks.ArrayLoopRangeAt(array, 0, 4, 9, sizeof(int)));   // 9..12: the last is past
        Assert.True(AddressChecks.ArrayLoopRange(array, 0, 4, sizeof(int)));         // without the offset it would pass
        pool.Return(array);
    }

    [Fact]
    public void EmptyRange_Passes()
    {
        Assert.True(AddressChecks.ArrayLoopRangeAt(new int[4], 3, 3, 1_000, sizeof(int)));
    }

    [Fact]
    public void OffsetPlusIndexThatCanWrap_LeavesTheChecksOn()
    {
        var array = new int[16];
        Assert.False(AddressChecks.ArrayLoopRangeAt(array, 0, 10, int.MaxValue - 5, sizeof(int)));
        Assert.False(AddressChecks.ArrayLoopRangeAt(array, int.MinValue + 1, int.MinValue + 20, -10, sizeof(int)));
        Assert.True(AddressChecks.ArrayLoopRangeAt(array, 0, 6, int.MaxValue - 5, sizeof(int)));   // no element inside: nothing to check
    }
}
