using SharpSan.Runtime.Address;
using SharpSan.Runtime.Tests.Support;

namespace SharpSan.Runtime.Tests.Shadow;

public sealed class PoisonTests
{
    const int BufferBytes = 128;

    public static TheoryData<int, ShadowCode> SizesAndCodes()
    {
        var data = new TheoryData<int, ShadowCode>();
        foreach (int size in Enumerable.Range(0, 34))
            data.Add(size, size % 2 == 0 ? ShadowCode.HeapLeftRedzone : ShadowCode.HeapFreed);
        data.Add(64, ShadowCode.StackAfterReturn);
        return data;
    }

    [Theory]
    [MemberData(nameof(SizesAndCodes))]
    public void Poison_WritesTheCodeOverCeilingOfSizeOverEightGranulesAndNoFurther(int size, ShadowCode code)
    {
        using var buffer = new NativeBuffer(BufferBytes);
        const int firstGranule = 1; // start one granule in, so a write before the range would show too
        nuint start = buffer.Address + (nuint)(firstGranule * ShadowMemory.Granule);

        ShadowMemory.Poison(start, (nuint)size, code);

        int poisoned = (size + 7) / 8;
        for (int g = 0; g < BufferBytes / 8; g++)
        {
            bool inside = g >= firstGranule && g < firstGranule + poisoned;
            byte expected = inside ? (byte)code : (byte)0;
            Assert.True(expected == buffer.ShadowOfGranule(g),
                $"size {size}: granule {g} shadow 0x{buffer.ShadowOfGranule(g):x2}, expected 0x{expected:x2}");
        }
    }

    [Fact]
    public void Poison_OverAnUnpoisonedPartialGranule_MakesEveryByteOfItUnaddressable()
    {
        using var buffer = new NativeBuffer(BufferBytes);
        ShadowMemory.Unpoison(buffer.Address, 13);
        Assert.True(ShadowMemory.IsByteAddressable(buffer.Address + 12));

        ShadowMemory.Poison(buffer.Address, 16, ShadowCode.HeapFreed);

        for (nuint i = 0; i < 16; i++)
            Assert.False(ShadowMemory.IsByteAddressable(buffer.Address + i), $"byte {i}");
    }

    [Fact]
    public void Clear_MakesAPoisonedRangeFullyAddressableAgain()
    {
        using var buffer = new NativeBuffer(BufferBytes);
        ShadowMemory.Poison(buffer.Address, BufferBytes, ShadowCode.HeapLeftRedzone);

        ShadowMemory.Clear(buffer.Address, BufferBytes);

        Assert.Equal((nuint)0, ShadowMemory.FirstBadAddress(buffer.Address, BufferBytes));
        for (int g = 0; g < BufferBytes / 8; g++) Assert.Equal(0, buffer.ShadowOfGranule(g));
    }
}
