namespace Packages.Tests;

/// <summary>Deterministic test inputs: compressible text-like bytes (words from a small vocabulary), or noise.</summary>
public static class Corpus
{
    static readonly string[] s_words =
        ["buffer", "span", "pool", "rent", "return", "shadow", "check", "thread", "race", "heap", "stack", "frame",
         "pointer", "length", "offset", "block", "chunk", "header", "window", "match", "literal", "token", "hash", "table"];

    public static byte[] Text(int length, int seed)
    {
        var rng = new Random(seed);
        var bytes = new byte[length];
        int i = 0;
        while (i < length)
        {
            string word = s_words[rng.Next(s_words.Length)];
            for (int k = 0; k < word.Length && i < length; k++) bytes[i++] = (byte)word[k];
            if (i < length) bytes[i++] = (byte)(rng.Next(8) == 0 ? '\n' : ' ');
        }
        return bytes;
    }

    public static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>(size, seed, compressible) cases: small, odd and block-boundary sizes, text and noise.</summary>
    public static TheoryData<int, int, bool> Cases()
    {
        var data = new TheoryData<int, int, bool>();
        int[] sizes = [0, 1, 7, 64, 1000, 4095, 4096, 4097, 65_536, 100_003, 262_144];
        for (int s = 0; s < sizes.Length; s++)
            for (int seed = 1; seed <= 3; seed++)
                data.Add(sizes[s], seed * 31 + s, seed != 3);
        return data;
    }

    public static byte[] Of(int size, int seed, bool compressible) => compressible ? Text(size, seed) : Noise(size, seed);
}
