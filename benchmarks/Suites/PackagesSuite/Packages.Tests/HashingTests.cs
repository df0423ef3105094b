using System.IO.Hashing;

namespace Packages.Tests;

/// <summary>System.IO.Hashing: one-shot equals incremental (in odd pieces), and Crc32 equals a table-driven reference.</summary>
public class HashingTests
{
    [Theory]
    [MemberData(nameof(Corpus.Cases), MemberType = typeof(Corpus))]
    public void Crc32_MatchesReference(int size, int seed, bool compressible)
    {
        byte[] input = Corpus.Of(size, seed, compressible);
        Assert.Equal(ReferenceCrc32(input), Crc32.HashToUInt32(input));
    }

    [Theory]
    [MemberData(nameof(Corpus.Cases), MemberType = typeof(Corpus))]
    public void XxHash_OneShotEqualsIncremental(int size, int seed, bool compressible)
    {
        byte[] input = Corpus.Of(size, seed, compressible);
        var xx64 = new XxHash64();
        var xx3 = new XxHash3();
        var xx128 = new XxHash128();
        var crc64 = new Crc64();
        for (int at = 0, piece = 1; at < input.Length; at += piece, piece = piece * 3 % 4093 + 1)
        {
            var part = input.AsSpan(at, Math.Min(piece, input.Length - at));
            xx64.Append(part);
            xx3.Append(part);
            xx128.Append(part);
            crc64.Append(part);
        }
        Assert.Equal(XxHash64.HashToUInt64(input), xx64.GetCurrentHashAsUInt64());
        Assert.Equal(XxHash3.HashToUInt64(input), xx3.GetCurrentHashAsUInt64());
        Assert.Equal(XxHash128.HashToUInt128(input), xx128.GetCurrentHashAsUInt128());
        Assert.Equal(Crc64.HashToUInt64(input), crc64.GetCurrentHashAsUInt64());
    }

    static uint ReferenceCrc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320 & (0u - (crc & 1)));
        }
        return ~crc;
    }
}
