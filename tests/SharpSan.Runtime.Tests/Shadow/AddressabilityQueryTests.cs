using SharpSan.Runtime.Address;
using SharpSan.Runtime.Tests.Support;

namespace SharpSan.Runtime.Tests.Shadow;

/// <summary>
/// <see cref="ShadowMemory.IsByteAddressable"/>, <see cref="ShadowMemory.FirstBadAddress"/> and
/// <see cref="ShadowMemory.IsRangeAddressable"/> against an independent model of ASan's encoding, over a
/// shadow pattern that mixes full, partial and poisoned granules.
/// </summary>
public sealed unsafe class AddressabilityQueryTests
{
    const int BufferBytes = 256;

    // One shadow byte per granule; granules past the pattern stay 0.
    static readonly byte[] Pattern = [0, 0, 3, 0, 0xfa, 0, 0, 7, 1, 0, 0xfd, 0xfd, 0, 0, 5, 0, 0xf7, 0, 0, 2];

    static bool ModelAddressable(int offset)
    {
        int granule = offset / 8;
        byte code = granule < Pattern.Length ? Pattern[granule] : (byte)0;
        return code == 0 || (code < 8 && offset % 8 < code);
    }

    static NativeBuffer CreatePatternedBuffer()
    {
        var buffer = new NativeBuffer(BufferBytes);
        for (int g = 0; g < Pattern.Length; g++)
            *ShadowMemory.For(buffer.Address + (nuint)(g * 8)) = (sbyte)Pattern[g];
        return buffer;
    }

    [Fact]
    public void IsByteAddressable_FollowsTheEncodingForEveryByte()
    {
        using var buffer = CreatePatternedBuffer();
        for (int i = 0; i < BufferBytes; i++)
            Assert.True(ModelAddressable(i) == ShadowMemory.IsByteAddressable(buffer.Address + (nuint)i), $"byte {i}");
    }

    [Fact]
    public void FirstBadAddress_AgreesWithAByteByByteScanForEveryRangeStartingAndEndingAnywhere()
    {
        using var buffer = CreatePatternedBuffer();
        int mismatches = 0;
        string firstMismatch = "";
        for (int start = 0; start < 176; start++)
        {
            for (int length = 0; start + length <= BufferBytes; length++)
            {
                nuint expected = 0;
                for (int i = start; i < start + length; i++)
                {
                    if (!ShadowMemory.IsByteAddressable(buffer.Address + (nuint)i)) { expected = buffer.Address + (nuint)i; break; }
                }
                nuint actual = ShadowMemory.FirstBadAddress(buffer.Address + (nuint)start, (nuint)length);
                bool whole = ShadowMemory.IsRangeAddressable(buffer.Address + (nuint)start, (nuint)length);
                if (actual != expected || whole != (expected == 0))
                {
                    if (mismatches++ == 0)
                        firstMismatch = $"[{start}, {start + length}): expected first bad offset {(expected == 0 ? "none" : (expected - buffer.Address).ToString())}, " +
                                        $"got {(actual == 0 ? "none" : (actual - buffer.Address).ToString())}, IsRangeAddressable={whole}";
                }
            }
        }
        Assert.True(mismatches == 0, $"{mismatches} ranges disagree; first: {firstMismatch}");
    }

    [Theory]
    [InlineData(26, 20, 32)]   // starts mid-granule in addressable memory, crosses into the 0xfa granule
    [InlineData(17, 2, -1)]    // inside the 3-byte partial granule
    [InlineData(16, 4, 19)]    // runs one byte past the 3-byte partial granule
    [InlineData(41, 22, -1)]   // ends exactly at the end of the 7-byte partial granule
    [InlineData(41, 23, 63)]   // one byte further
    [InlineData(64, 10, 65)]   // starts on the 1-byte partial granule and runs past its byte
    [InlineData(72, 40, 80)]   // from full granules into two freed granules
    [InlineData(100, 20, 117)] // from full granules through the 5-byte partial granule
    [InlineData(136, 40, 154)] // through the 2-byte partial granule
    [InlineData(129, 50, 129)] // starts inside a poisoned granule
    public void FirstBadAddress_ReportsTheFirstUnaddressableByte(int start, int length, int expectedOffset)
    {
        using var buffer = CreatePatternedBuffer();
        nuint expected = expectedOffset < 0 ? 0 : buffer.Address + (nuint)expectedOffset;
        Assert.Equal(expected, ShadowMemory.FirstBadAddress(buffer.Address + (nuint)start, (nuint)length));
    }
}
