using System.Buffers;
using System.IO.Hashing;

namespace RealPackages;

/// <summary>
/// System.IO.Hashing under --sanitize memory, through the BCL table's hashing rows (consume: each hashed byte must be
/// defined; a destination span gets the bytes the hash wrote): rented buffers filled by Stream.Read are hashed with every
/// algorithm (Crc32, Crc64, XxHash32, XxHash64, XxHash3, XxHash128) through Hash, TryHash, HashToUIntN and incremental
/// Append, each result checked against the same hash of the original bytes. "hashing-memory" hashes only the bytes read
/// and must stay clean; "hashing-stale" hashes a rented buffer read only half full whole, which MemorySanitizer reports at
/// the hash call with the Rent as origin; "hashing-stream-stale" does the same through Append(Stream).
/// </summary>
static class HashingWorkload
{
    public static string Clean() => Run(hashWholeBuffer: false);

    public static string Stale() => Run(hashWholeBuffer: true);

    /// <summary>
    /// Append(Stream) over a MemoryStream on a rented buffer written only half: the hash reads the stream's stale half, which
    /// MemorySanitizer reports at the Append call with the Rent as origin.
    /// </summary>
    public static string StaleStream()
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(256);
        var stream = new MemoryStream(rented);
        stream.Write(Data.Text(128, 7));
        stream.Position = 0;
        var hash = new XxHash64();
        hash.Append(stream);
        return $"hashed a {rented.Length}-byte stream, 128 bytes written";
    }

    static string Run(bool hashWholeBuffer)
    {
        long hashed = 0;
        ulong mix = 0;
        for (int round = 0; round < (hashWholeBuffer ? 1 : 16); round++)
        {
            int length = 300 + round * 977 % 4000;
            var expected = Data.Text(length, round);
            byte[] rented = ArrayPool<byte>.Shared.Rent(hashWholeBuffer ? 2 * length : length);
            int read = new MemoryStream(expected).Read(rented, 0, length);
            Data.Check(read == length, "read everything");
            // ClassicUO's shape: the whole rented array goes into the hash, its stale part with it. (The array form: a span made
            // over a managed array stops the array being tracked — MemorySanitizer's known miss.)
            if (hashWholeBuffer) return $"{XxHash64.Hash(rented, round).Length}-byte hash of {rented.Length} bytes, {read} of them read";
            var data = rented.AsSpan(0, read);

            ulong xx64 = XxHash64.HashToUInt64(data, seed: round);
            Data.Check(xx64 == XxHash64.HashToUInt64(expected, seed: round), "XxHash64");
            mix ^= xx64;
            mix ^= Crc32.HashToUInt32(data);
            mix ^= Crc64.HashToUInt64(data);
            mix ^= XxHash32.HashToUInt32(data);
            mix ^= XxHash3.HashToUInt64(data);
            mix ^= (ulong)XxHash128.HashToUInt128(data);
            Data.CheckEqual(Crc32.Hash(expected), Crc32.Hash(data), "Crc32.Hash");
            Data.CheckEqual(XxHash3.Hash(expected), XxHash3.Hash(data.ToArray()), "XxHash3.Hash(byte[])");

            Span<byte> digest = stackalloc byte[16];
            Data.Check(XxHash128.TryHash(data, digest, out int written) && written == 16, "XxHash128.TryHash");
            Data.Check(Crc64.Hash(data, digest[..8]) == 8, "Crc64.Hash into a span");
            mix ^= BitConverter.ToUInt64(digest);   // the digest bytes the hashes wrote are defined

            var incremental = new XxHash64(round);
            for (int at = 0; at < data.Length; at += 512) incremental.Append(data[at..Math.Min(data.Length, at + 512)]);
            Data.Check(incremental.GetCurrentHashAsUInt64() == xx64, "incremental XxHash64");
            var crc = new Crc32();
            crc.Append(expected);
            Data.Check(crc.GetCurrentHashAsUInt32() == Crc32.HashToUInt32(data), "incremental Crc32");

            // Append(Stream) over a MemoryStream on the rented buffer holding only the bytes read: every hashed byte is defined.
            var fromStream = new XxHash64(round);
            fromStream.Append(new MemoryStream(rented, 0, read));
            Data.Check(fromStream.GetCurrentHashAsUInt64() == xx64, "XxHash64.Append(Stream)");

            Data.CheckEqual(XxHash32.Hash(expected, round), XxHash32.Hash(rented.AsSpan(0, read).ToArray(), round), "XxHash32.Hash(byte[], int)");
            hashed += data.Length;
            ArrayPool<byte>.Shared.Return(rented);
        }
        return $"{hashed} bytes hashed, digest bits {(mix == 0 ? "zero" : "mixed")}";
    }
}
