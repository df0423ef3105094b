using SharpSan.Runtime.Address;
using SharpSan.Runtime.Tests.Support;

namespace SharpSan.Runtime.Tests.Shadow;

public sealed class UnpoisonEncodingTests
{
    const int BufferBytes = 64;
    const byte Sentinel = (byte)ShadowCode.UserPoisoned;

    public static TheoryData<int> SizesZeroToSeventeen => [.. Enumerable.Range(0, 18)];

    [Theory]
    [MemberData(nameof(SizesZeroToSeventeen))]
    public void Unpoison_WritesZeroForFullGranulesAndTheByteCountForAPartialTrailingGranule(int size)
    {
        using var buffer = new NativeBuffer(BufferBytes);
        ShadowMemory.Poison(buffer.Address, BufferBytes, ShadowCode.UserPoisoned);

        ShadowMemory.Unpoison(buffer.Address, (nuint)size);

        int full = size / 8, tail = size % 8;
        for (int g = 0; g < BufferBytes / 8; g++)
        {
            byte expected = g < full ? (byte)0 : g == full && tail != 0 ? (byte)tail : Sentinel;
            Assert.True(expected == buffer.ShadowOfGranule(g),
                $"size {size}: granule {g} shadow 0x{buffer.ShadowOfGranule(g):x2}, expected 0x{expected:x2}");
        }
    }

    [Theory]
    [MemberData(nameof(SizesZeroToSeventeen))]
    public void Unpoison_MakesExactlyTheFirstSizeBytesAddressable(int size)
    {
        using var buffer = new NativeBuffer(BufferBytes);
        ShadowMemory.Poison(buffer.Address, BufferBytes, ShadowCode.UserPoisoned);

        ShadowMemory.Unpoison(buffer.Address, (nuint)size);

        for (int i = 0; i < BufferBytes; i++)
            Assert.True((i < size) == ShadowMemory.IsByteAddressable(buffer.Address + (nuint)i), $"size {size}: byte {i}");
    }
}
