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

    [Fact]
    public void ShortRangeQueryAndLoopRanges_AgreeWithAByteByByteScan()
    {
        using var buffer = CreatePatternedBuffer();
        int mismatches = 0;
        string firstMismatch = "";
        for (int start = 0; start < 176; start++)
        {
            for (int length = 1; start + length <= BufferBytes; length++)
            {
                bool expected = true;
                for (int i = start; i < start + length; i++) expected &= ModelAddressable(i);
                byte* p = (byte*)buffer.Address;
                bool shortRange = ShadowMemory.IsShortRangeAddressable(buffer.Address + (nuint)start, (nuint)length);
                // The same bytes as a loop p[i], start <= i < start + length, of 1-byte accesses, signed and unsigned.
                bool loop = AddressChecks.LoopRange(p, start, start + length, 1, 1);
                bool loopUnsigned = AddressChecks.LoopRangeUnsigned(p, (nuint)start, (nuint)(start + length), 1, 1);
                if (shortRange != expected || loop != expected || loopUnsigned != expected)
                {
                    if (mismatches++ == 0)
                        firstMismatch = $"[{start}, {start + length}): expected {expected}, short {shortRange}, loop {loop}, unsigned {loopUnsigned}";
                }
            }
        }
        Assert.True(mismatches == 0, $"{mismatches} ranges disagree; first: {firstMismatch}");
    }

    [Theory]
    [InlineData(0, 2, 8, 8, true)]    // bytes 0..15: two whole granules
    [InlineData(0, 3, 8, 8, false)]   // bytes 0..23: the third granule holds only 3 bytes
    [InlineData(5, 7, 8, 8, true)]    // bytes 40..55
    [InlineData(5, 8, 8, 7, true)]    // bytes 40..62: ends on the last byte of the 7-byte granule
    [InlineData(5, 8, 8, 8, false)]   // bytes 40..63: one byte further
    [InlineData(0, 2, 48, 8, false)]  // bytes 0..7 and 48..55: the span between holds the 3-byte and the 0xfa granules
    public void LoopRange_StridedAccesses_CheckTheirWholeSpan(int start, int end, int scale, int size, bool expected)
    {
        using var buffer = CreatePatternedBuffer();
        Assert.Equal(expected, AddressChecks.LoopRange((void*)buffer.Address, start, end, scale, size));
        Assert.Equal(expected, AddressChecks.LoopRangeUnsigned((void*)buffer.Address, (nuint)start, (nuint)end, scale, size));
    }

    [Fact]
    public void AllGranulesClean_FindsOneDirtyShadowByteAnywhereInRangesOfEveryScanLength()
    {
        // 5,000 granules of memory, all addressable but one: every range length that takes the word loop, the
        // vector loop (33..4096 granules, its overlapping last load included) or the span search must see it.
        const int Granules = 5_000;
        using var buffer = new NativeBuffer(Granules * 8);
        ShadowMemory.Clear(buffer.Address, Granules * 8);
        foreach (int dirty in new[] { 0, 31, 32, 33, 63, 64, 100, 511, 4095, 4999 })
        {
            *ShadowMemory.For(buffer.Address + (nuint)(dirty * 8)) = 3;
            foreach (int length in new[] { 1, 8, 32, 33, 40, 63, 64, 65, 100, 600, 4096, 4097, 5000 })
            {
                foreach (int start in new[] { dirty - length + 1, dirty - length / 2, dirty, dirty - length, dirty + 1 })
                {
                    if (start < 0 || start + length > Granules) continue;
                    bool expected = dirty < start || dirty >= start + length;
                    bool actual = ShadowMemory.AllGranulesClean(buffer.Address + (nuint)(start * 8), (nuint)(length * 8));
                    Assert.True(expected == actual, $"dirty granule {dirty}, granules [{start}, {start + length}): expected clean={expected}");
                }
            }
            *ShadowMemory.For(buffer.Address + (nuint)(dirty * 8)) = 0;
        }
    }
}
