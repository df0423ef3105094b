using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Guard.Primary;

/// <summary>
/// The primary heap's size classes. A class is a stride (a multiple of 16): every block of the class starts 16-byte
/// aligned one stride after the previous, with its 8-byte header in the last 8 bytes of the stride before it, so a
/// block holds <c>stride - 8</c> bytes — glibc's own per-block overhead (8 bytes, rounded to 16), which keeps guard
/// mode's memory near plain. Strides: 16 to 256 by 16, then four steps per power of two up to 64 KiB.
/// </summary>
internal static class SizeClasses
{
    public const int HeaderSize = 8;
    public const int MaxStride = 64 << 10;
    public const ulong MaxUserSize = MaxStride - HeaderSize;

    static readonly uint[] s_strides = BuildStrides();
    static readonly ulong[] s_divisibility = BuildDivisibility();
    static readonly byte[] s_classOfGranule = BuildLookup();   // indexed by (size + 8 + 15) / 16

    public static int Count => s_strides.Length;

    public static nuint Stride(int c) => s_strides[c];

    /// <summary>The smallest class whose blocks hold <paramref name="size"/> bytes (size ≤ <see cref="MaxUserSize"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int For(ulong size) => s_classOfGranule[(size + HeaderSize + 15) >> 4];

    /// <summary>Whether <paramref name="offset"/> (below 2³²) is a multiple of class c's stride, by one multiplication (Lemire's test).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsMultiple(int c, ulong offset) => offset * s_divisibility[c] <= s_divisibility[c] - 1;

    // Plain arrays, no List<uint> or LINQ: generic code over value types is not precompiled and would be JIT-compiled at start.
    static uint[] BuildStrides()
    {
        var strides = new uint[16 + 4 * 8];
        int n = 0;
        for (uint s = 16; s <= 256; s += 16) strides[n++] = s;
        for (uint power = 256; power < MaxStride; power *= 2)
            for (uint step = 1; step <= 4; step++) strides[n++] = power + power / 4 * step;
        return strides;
    }

    static ulong[] BuildDivisibility()
    {
        var multipliers = new ulong[s_strides.Length];
        for (int c = 0; c < multipliers.Length; c++) multipliers[c] = ulong.MaxValue / s_strides[c] + 1;
        return multipliers;
    }

    static byte[] BuildLookup()
    {
        var lookup = new byte[MaxStride / 16 + 1];
        for (int g = 0, c = 0; g < lookup.Length; g++)
        {
            while ((uint)g * 16 > s_strides[c]) c++;
            lookup[g] = (byte)c;
        }
        return lookup;
    }
}
