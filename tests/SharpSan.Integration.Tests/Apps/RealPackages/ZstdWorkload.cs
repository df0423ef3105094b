using ZstdSharp;
using ZstdSharp.Unsafe;

namespace RealPackages;

/// <summary>
/// ZstdSharp.Port round trips: one-shot at several levels over text, noise, records and mixes, streaming through
/// CompressionStream/DecompressionStream in odd-sized chunks, and a trained dictionary. The digest covers the
/// compressed bytes too: instrumented code must compress to exactly the same frames.
/// </summary>
static class ZstdWorkload
{
    /// <summary>
    /// A compressor kept for the whole process and never disposed, as services cache one: its native context is
    /// still allocated at exit, reachable from this static, so the exit-time leak check runs and must find no leak.
    /// </summary>
    static readonly Compressor s_shared = new(level: 2);

    public static string Run()
    {
        ulong digest = 14695981039346656037;
        int roundTrips = 0;
        var inputs = new[]
        {
            Data.Text(48_000, 1), Data.Noise(20_000, 2), Data.Records(40_000), Data.Mixed(60_000, 3), new byte[10_000], Data.Text(1, 4), [],
        };
        foreach (int level in new[] { -5, 1, 3, 9 })
        {
            using var compressor = new Compressor(level);
            compressor.SetParameter(ZSTD_cParameter.ZSTD_c_checksumFlag, 1);
            using var decompressor = new Decompressor();
            foreach (var input in inputs)
            {
                var compressed = compressor.Wrap(input).ToArray();
                digest = Data.Hash(compressed, digest);
                Data.Check(Decompressor.GetDecompressedSize(compressed) == (ulong)input.Length, "frame content size");
                Data.CheckEqual(input, decompressor.Unwrap(compressed), $"zstd level {level}, {input.Length} bytes");
                roundTrips++;
            }
        }

        foreach (var input in new[] { Data.Mixed(200_000, 5), Data.Text(70_000, 6) })
        {
            var packed = new MemoryStream();
            using (var zstd = new CompressionStream(packed, level: 4, leaveOpen: true))
                for (int at = 0; at < input.Length;)
                {
                    int n = Math.Min(1 + at % 7919, input.Length - at);
                    zstd.Write(input, at, n);
                    at += n;
                }
            digest = Data.Hash(packed.ToArray(), digest);
            packed.Position = 0;
            var unpacked = new MemoryStream();
            using (var zstd = new DecompressionStream(packed))
            {
                var chunk = new byte[3001];
                int n;
                while ((n = zstd.Read(chunk, 0, chunk.Length)) > 0) unpacked.Write(chunk, 0, n);
            }
            Data.CheckEqual(input, unpacked.ToArray(), $"zstd stream of {input.Length} bytes");
            roundTrips++;
        }

        var samples = Enumerable.Range(0, 300).Select(i => Data.Text(200 + i % 300, 100 + i)).ToArray();
        var dictionary = DictBuilder.TrainFromBuffer(samples, 8 * 1024).ToArray();
        using (var compressor = new Compressor(5))
        using (var decompressor = new Decompressor())
        {
            compressor.LoadDictionary(dictionary);
            decompressor.LoadDictionary(dictionary);
            foreach (var sample in samples.Take(40))
            {
                var compressed = compressor.Wrap(sample).ToArray();
                digest = Data.Hash(compressed, digest);
                Data.CheckEqual(sample, decompressor.Unwrap(compressed), "zstd with a dictionary");
                roundTrips++;
            }
        }
        var header = Data.Records(4096);
        var sharedFrame = s_shared.Wrap(header).ToArray();
        digest = Data.Hash(sharedFrame, digest);
        using (var decompressor = new Decompressor()) Data.CheckEqual(header, decompressor.Unwrap(sharedFrame), "zstd with the shared compressor");
        roundTrips++;
        return $"{roundTrips} round trips, digest {digest:x16}";
    }
}
