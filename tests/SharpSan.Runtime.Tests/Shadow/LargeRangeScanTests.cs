using SharpSan.Runtime.Address;
using SharpSan.Runtime.Tests.Support;

namespace SharpSan.Runtime.Tests.Shadow;

/// <summary>The vectorised whole-granule scan of <see cref="ShadowMemory.FirstBadAddress"/> over megabytes.</summary>
public sealed unsafe class LargeRangeScanTests
{
    const nuint Size = 8 << 20;

    [Fact]
    public void FirstBadAddress_IsZeroForAFullyAddressableRangeOfSeveralMegabytes()
    {
        using var buffer = new NativeBuffer(Size);
        ShadowMemory.Unpoison(buffer.Address, Size);

        Assert.Equal((nuint)0, ShadowMemory.FirstBadAddress(buffer.Address, Size));
        Assert.Equal((nuint)0, ShadowMemory.FirstBadAddress(buffer.Address + 3, Size - 10));
        Assert.True(ShadowMemory.IsRangeAddressable(buffer.Address, Size));
    }

    [Theory]
    [InlineData(5 << 20, 0)]                 // a poisoned granule in the middle
    [InlineData((5 << 20) + 8, 0)]
    [InlineData((8 << 20) - 8, 0)]           // the very last granule
    [InlineData(4096, 0)]
    [InlineData((3 << 20) + 16, 5)]          // a partial granule: the first 5 bytes stay addressable
    public void FirstBadAddress_FindsASingleBadGranuleDeepInsideAMultiMegabyteRange(int granuleOffset, int partialBytes)
    {
        using var buffer = new NativeBuffer(Size);
        ShadowMemory.Unpoison(buffer.Address, Size);
        nuint granule = buffer.Address + (nuint)granuleOffset;
        *ShadowMemory.For(granule) = partialBytes == 0 ? unchecked((sbyte)ShadowCode.HeapFreed) : (sbyte)partialBytes;

        nuint expected = granule + (nuint)partialBytes;
        Assert.Equal(expected, ShadowMemory.FirstBadAddress(buffer.Address, Size));
        Assert.Equal(expected, ShadowMemory.FirstBadAddress(buffer.Address + 1, Size - 1));
        Assert.Equal((nuint)0, ShadowMemory.FirstBadAddress(buffer.Address, (nuint)granuleOffset + (nuint)partialBytes));
        Assert.False(ShadowMemory.IsRangeAddressable(buffer.Address, Size));
    }
}
