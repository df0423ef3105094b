using K4os.Compression.LZ4;
using K4os.Compression.LZ4.Encoders;

namespace RealPackages;

/// <summary>
/// K4os.Compression.LZ4 round trips: block codec at fast, high-compression and max levels into exactly-sized and
/// oversized targets, the pickler, and chained (streaming) encoders and decoders fed in odd-sized pieces. The digest
/// covers the compressed bytes.
/// </summary>
static class Lz4Workload
{
    public static string Run()
    {
        ulong digest = 14695981039346656037;
        int roundTrips = 0;
        var inputs = new[] { Data.Text(50_000, 1), Data.Noise(16_000, 2), Data.Records(30_000), Data.Mixed(45_000, 3), new byte[7_000], Data.Text(13, 4) };
        foreach (var level in new[] { LZ4Level.L00_FAST, LZ4Level.L03_HC, LZ4Level.L09_HC, LZ4Level.L12_MAX })
        {
            foreach (var input in inputs)
            {
                var target = new byte[LZ4Codec.MaximumOutputSize(input.Length)];
                int encoded = LZ4Codec.Encode(input, target, level);
                Data.Check(encoded > 0, $"lz4 {level} encoded {input.Length} bytes");
                digest = Data.Hash(target.AsSpan(0, encoded), digest);

                var exact = new byte[input.Length];
                Data.Check(LZ4Codec.Decode(target.AsSpan(0, encoded), exact) == input.Length, "lz4 decoded length");
                Data.CheckEqual(input, exact, $"lz4 {level}, {input.Length} bytes");

                var roomy = new byte[input.Length + 100];
                Data.Check(LZ4Codec.Decode(target, 0, encoded, roomy, 0, roomy.Length) == input.Length, "lz4 decode into a larger buffer");
                roundTrips++;
            }
            var pickled = LZ4Pickler.Pickle(inputs[3], level);
            digest = Data.Hash(pickled, digest);
            Data.CheckEqual(inputs[3], LZ4Pickler.Unpickle(pickled), $"lz4 pickle {level}");
            roundTrips++;
        }

        foreach (var level in new[] { LZ4Level.L00_FAST, LZ4Level.L10_OPT })
            foreach (var input in new[] { Data.Mixed(150_000, 7), Data.Text(90_000, 8) })
            {
                digest = ChainedRoundTrip(input, level, blockSize: 16 * 1024, digest);
                roundTrips++;
            }
        digest = PinnedUnderCompaction(digest, ref roundTrips);
        return $"{roundTrips} round trips, digest {digest:x16}";
    }

    /// <summary>
    /// Pin-heavy use under a moving GC: the codec's pointer API over buffers pinned by `fixed` and by Memory.Pin, fresh
    /// arrays every round (the codec pins them inside, too), and compacting collections between rounds, so arrays move
    /// after their pins end and new ones take the memory they left.
    /// </summary>
    static unsafe ulong PinnedUnderCompaction(ulong digest, ref int roundTrips)
    {
        var survivors = new List<byte[]>();
        for (int round = 0; round < 120; round++)
        {
            var input = round % 3 == 0 ? Data.Text(2_000 + round * 40, round) : Data.Mixed(1_500 + round * 50, round);
            var target = new byte[LZ4Codec.MaximumOutputSize(input.Length)];
            int encoded;
            fixed (byte* source = input)
            fixed (byte* destination = target)
                encoded = LZ4Codec.Encode(source, input.Length, destination, target.Length, round % 2 == 0 ? LZ4Level.L00_FAST : LZ4Level.L03_HC);
            Data.Check(encoded > 0, "lz4 pointer encode");
            var decoded = new byte[input.Length];
            using (var from = target.AsMemory(0, encoded).Pin())
            using (var to = decoded.AsMemory().Pin())
                Data.Check(LZ4Codec.Decode((byte*)from.Pointer, encoded, (byte*)to.Pointer, decoded.Length) == input.Length, "lz4 pointer decode");
            Data.CheckEqual(input, decoded, $"lz4 pinned round {round}");
            digest = Data.Hash(target.AsSpan(0, encoded), digest);
            if (round % 4 == 0) survivors.Add(target);
            if (round % 10 == 9)
            {
                if (survivors.Count > 12) survivors.RemoveRange(0, 6);
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                foreach (var kept in survivors)
                    fixed (byte* p = kept) digest = Data.Hash(new ReadOnlySpan<byte>(p, Math.Min(kept.Length, 64)), digest);
            }
            roundTrips++;
        }
        return digest;
    }

    /// <summary>Streaming with dependent blocks: the encoder keeps a 64 KiB dictionary of what it already encoded.</summary>
    static ulong ChainedRoundTrip(byte[] input, LZ4Level level, int blockSize, ulong digest)
    {
        using var encoder = LZ4Encoder.Create(chaining: true, level, blockSize, extraBlocks: 2);
        using var decoder = LZ4Decoder.Create(chaining: true, blockSize, extraBlocks: 2);
        var block = new byte[LZ4Codec.MaximumOutputSize(blockSize)];
        var output = new MemoryStream();
        var drained = new byte[blockSize];
        int at = 0;
        while (at < input.Length)
        {
            int piece = Math.Min(1 + (at * 31) % 5000, input.Length - at);
            var action = encoder.TopupAndEncode(input.AsSpan(at, piece), block, forceEncode: false, allowCopy: true, out int loaded, out int encoded);
            at += loaded;
            if (action is EncoderAction.Encoded or EncoderAction.Copied) Decode(action, encoded);
        }
        var last = encoder.FlushAndEncode(block, allowCopy: true, out int flushed);
        if (last is EncoderAction.Encoded or EncoderAction.Copied) Decode(last, flushed);
        Data.CheckEqual(input, output.ToArray(), $"lz4 chained {level}, {input.Length} bytes");
        return Data.Hash(output.ToArray(), digest);

        void Decode(EncoderAction action, int length)
        {
            if (action == EncoderAction.Encoded) digest = Data.Hash(block.AsSpan(0, length), digest);
            int decoded;
            if (action == EncoderAction.Encoded) decoded = decoder.Decode(block, 0, length);
            else
            {
                decoder.Inject(block, 0, length);
                decoded = length;
            }
            decoder.Drain(drained, 0, -decoded, decoded);
            output.Write(drained, 0, decoded);
        }
    }
}
