using System.Text;

namespace RealPackages;

/// <summary>Deterministic test data (no Random: its sequence is not promised across runtimes) and checks.</summary>
static class Data
{
    static readonly string[] s_words =
    [
        "cache", "span", "pool", "stream", "pipe", "block", "frame", "segment", "buffer", "memory", "thread", "lock",
        "the", "a", "of", "and", "to", "in", "is", "for", "with", "on", "by", "that",
    ];

    /// <summary>Word salad with punctuation and numbers: compresses like real text.</summary>
    public static byte[] Text(int length, int seed)
    {
        var sb = new StringBuilder(length + 16);
        uint state = (uint)seed * 2654435761u + 1;
        while (sb.Length < length)
        {
            state = Next(state);
            sb.Append(s_words[state % (uint)s_words.Length]);
            sb.Append((state >> 8) % 11 == 0 ? ", " : (state >> 8) % 17 == 0 ? $" {state % 1000}. " : " ");
        }
        return Encoding.ASCII.GetBytes(sb.ToString(0, length));
    }

    /// <summary>xorshift32 bytes: incompressible.</summary>
    public static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        uint state = (uint)seed | 1;
        for (int i = 0; i < length; i++)
        {
            state = Next(state);
            bytes[i] = (byte)state;
        }
        return bytes;
    }

    /// <summary>Little-endian records of slowly growing fields: long matches at short distances.</summary>
    public static byte[] Records(int length)
    {
        var bytes = new byte[length];
        for (int i = 0; i + 16 <= length; i += 16)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i), i / 16);
            BitConverter.TryWriteBytes(bytes.AsSpan(i + 4), (i / 16) % 7);
            BitConverter.TryWriteBytes(bytes.AsSpan(i + 8), 1_000_000L + i / 64);
        }
        return bytes;
    }

    /// <summary>A mix of the kinds above, so one input has compressible and incompressible stretches.</summary>
    public static byte[] Mixed(int length, int seed)
    {
        var bytes = new byte[length];
        int third = length / 3;
        Text(third, seed).CopyTo(bytes, 0);
        Noise(third, seed).CopyTo(bytes, third);
        Records(length - 2 * third).CopyTo(bytes, 2 * third);
        return bytes;
    }

    public static uint Next(uint state)
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    }

    /// <summary>FNV-1a: a stable digest for the summary line.</summary>
    public static ulong Hash(ReadOnlySpan<byte> data, ulong hash = 14695981039346656037)
    {
        foreach (byte b in data) hash = (hash ^ b) * 1099511628211;
        return hash;
    }

    public static void Check(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException("MISMATCH: " + what);
    }

    public static void CheckEqual(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, string what)
    {
        if (expected.SequenceEqual(actual)) return;
        int at = expected.CommonPrefixLength(actual);
        throw new InvalidOperationException($"MISMATCH: {what}: {actual.Length} bytes, expected {expected.Length}, first difference at {at}");
    }
}
