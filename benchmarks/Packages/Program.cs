// usage: Packages <zstd|lz4|snappy|hashing|bitfaster> <MiB>
// Prints "<workload> size=<MiB> checksum=<hex> kernel_ms=<ms>": the checksum covers the compressed bytes and the
// hashes, so an instrumented run must print the same one; kernel_ms excludes process start and the corpus.
using System.Diagnostics;
using System.IO.Hashing;
using BitFaster.Caching.Lru;
using K4os.Compression.LZ4;
using RealPackages;

if (args.Length != 2 || !int.TryParse(args[1], out int mib) || mib <= 0)
{
    Console.Error.WriteLine("usage: Packages <zstd|lz4|snappy|hashing|bitfaster> <MiB>");
    return 2;
}
byte[] corpus = args[0] == "bitfaster" ? [] : Data.Mixed(mib << 20, 42);
var clock = Stopwatch.StartNew();
ulong checksum = args[0] switch
{
    "zstd" => Workloads.Zstd(corpus),
    "lz4" => Workloads.Lz4(corpus),
    "snappy" => Workloads.Snappy(corpus),
    "hashing" => Workloads.Hashing(corpus),
    "bitfaster" => Workloads.BitFaster(mib),
    _ => ulong.MaxValue,
};
if (checksum == ulong.MaxValue)
{
    Console.Error.WriteLine($"unknown workload '{args[0]}'");
    return 2;
}
Console.WriteLine($"{args[0]} size={mib} checksum={checksum:x16} kernel_ms={clock.ElapsedMilliseconds}");
return 0;

static class Workloads
{
    /// <summary>ZstdSharp.Port at level 3: one-shot round trip in 1 MiB blocks.</summary>
    public static ulong Zstd(byte[] corpus)
    {
        using var compressor = new ZstdSharp.Compressor(3);
        using var decompressor = new ZstdSharp.Decompressor();
        ulong digest = 14695981039346656037;
        foreach (var block in Blocks(corpus, 1 << 20))
        {
            var packed = compressor.Wrap(block).ToArray();
            digest = Data.Hash(packed, digest);
            Data.CheckEqual(block, decompressor.Unwrap(packed), "zstd round trip");
        }
        return digest;
    }

    /// <summary>K4os.Compression.LZ4 in HC mode (level 9): block round trip in 1 MiB blocks.</summary>
    public static ulong Lz4(byte[] corpus)
    {
        ulong digest = 14695981039346656037;
        foreach (var block in Blocks(corpus, 1 << 20))
        {
            var target = new byte[LZ4Codec.MaximumOutputSize(block.Length)];
            int encoded = LZ4Codec.Encode(block, target, LZ4Level.L09_HC);
            digest = Data.Hash(target.AsSpan(0, encoded), digest);
            var decoded = new byte[block.Length];
            Data.Check(LZ4Codec.Decode(target.AsSpan(0, encoded), decoded) == block.Length, "lz4 length");
            Data.CheckEqual(block, decoded, "lz4 round trip");
        }
        return digest;
    }

    /// <summary>Snappier: block round trip in 64 KiB blocks (Snappy's own block size).</summary>
    public static ulong Snappy(byte[] corpus)
    {
        ulong digest = 14695981039346656037;
        foreach (var block in Blocks(corpus, 64 << 10))
        {
            var packed = Snappier.Snappy.CompressToArray(block);
            digest = Data.Hash(packed, digest);
            Data.CheckEqual(block, Snappier.Snappy.DecompressToArray(packed), "snappy round trip");
        }
        return digest;
    }

    /// <summary>System.IO.Hashing: XxHash64, XxHash3, XxHash128 and Crc32 over the corpus, whole and in 4 KiB pieces.</summary>
    public static ulong Hashing(byte[] corpus)
    {
        ulong digest = XxHash64.HashToUInt64(corpus) ^ XxHash3.HashToUInt64(corpus) ^ (ulong)XxHash128.HashToUInt128(corpus) ^ Crc32.HashToUInt32(corpus);
        var crc = new Crc64();
        var xx = new XxHash3();
        foreach (var piece in Blocks(corpus, 4096))
        {
            crc.Append(piece);
            xx.Append(piece);
        }
        return digest ^ crc.GetCurrentHashAsUInt64() ^ xx.GetCurrentHashAsUInt64();
    }

    /// <summary>BitFaster.Caching ConcurrentLru driven by 4 threads: <paramref name="millions"/> million GetOrAdd calls in all.</summary>
    public static ulong BitFaster(int millions)
    {
        var cache = new ConcurrentLru<int, long>(4, 1024, EqualityComparer<int>.Default);
        int perThread = millions * 1_000_000 / 4;
        var sums = new long[4];
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            uint state = (uint)t * 2654435761u + 1;
            long sum = 0;
            for (int i = 0; i < perThread; i++)
            {
                state = Data.Next(state);
                int key = (int)(state % 2048);
                sum += cache.GetOrAdd(key, k => (long)k * k);
            }
            sums[t] = sum;
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        return (ulong)sums.Sum();
    }

    static IEnumerable<byte[]> Blocks(byte[] corpus, int size)
    {
        for (int at = 0; at < corpus.Length; at += size) yield return corpus.AsSpan(at, Math.Min(size, corpus.Length - at)).ToArray();
    }
}
