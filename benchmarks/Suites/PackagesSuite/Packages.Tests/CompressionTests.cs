using K4os.Compression.LZ4;

namespace Packages.Tests;

/// <summary>Round trips through three compressors; compressible input must also shrink.</summary>
public class CompressionTests
{
    [Theory]
    [MemberData(nameof(Corpus.Cases), MemberType = typeof(Corpus))]
    public void Zstd_Level3_RoundTrip(int size, int seed, bool compressible)
    {
        byte[] input = Corpus.Of(size, seed, compressible);
        using var compressor = new ZstdSharp.Compressor(3);
        using var decompressor = new ZstdSharp.Decompressor();
        byte[] packed = compressor.Wrap(input).ToArray();
        Assert.Equal(input, decompressor.Unwrap(packed).ToArray());
        if (compressible && size >= 4096) Assert.True(packed.Length < size / 2, $"{packed.Length} of {size}");
    }

    [Theory]
    [MemberData(nameof(Corpus.Cases), MemberType = typeof(Corpus))]
    public void Lz4_HighCompression_RoundTrip(int size, int seed, bool compressible)
    {
        byte[] input = Corpus.Of(size, seed, compressible);
        var target = new byte[LZ4Codec.MaximumOutputSize(size)];
        int encoded = LZ4Codec.Encode(input, target, LZ4Level.L09_HC);
        var decoded = new byte[size];
        Assert.Equal(size, LZ4Codec.Decode(target.AsSpan(0, encoded), decoded));
        Assert.Equal(input, decoded);
        if (compressible && size >= 4096) Assert.True(encoded < size / 2, $"{encoded} of {size}");
    }

    [Theory]
    [MemberData(nameof(Corpus.Cases), MemberType = typeof(Corpus))]
    public void Lz4_Pickler_RoundTrip(int size, int seed, bool compressible)
    {
        byte[] input = Corpus.Of(size, seed, compressible);
        Assert.Equal(input, LZ4Pickler.Unpickle(LZ4Pickler.Pickle(input, LZ4Level.L00_FAST)));
    }

    [Theory]
    [MemberData(nameof(Corpus.Cases), MemberType = typeof(Corpus))]
    public void Snappy_RoundTrip(int size, int seed, bool compressible)
    {
        byte[] input = Corpus.Of(size, seed, compressible);
        byte[] packed = Snappier.Snappy.CompressToArray(input);
        Assert.Equal(input, Snappier.Snappy.DecompressToArray(packed));
    }

    [Fact]
    public void Snappy_RejectsTruncatedInput()
    {
        byte[] packed = Snappier.Snappy.CompressToArray(Corpus.Text(10_000, 5));
        Assert.ThrowsAny<Exception>(() => Snappier.Snappy.DecompressToArray(packed.AsSpan(0, packed.Length / 2)));
    }
}
