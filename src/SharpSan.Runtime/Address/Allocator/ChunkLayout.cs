namespace SharpSan.Runtime.Address.Allocator;

/// <summary>
/// Geometry of one chunk: <c>[left redzone (header at its end) | user bytes, rounded to 8 | right redzone]</c>.
/// Redzones grow with the allocation size as ASan's do (compiler-rt ComputeRZLog), clamped to the options.
/// </summary>
public readonly record struct ChunkLayout(nuint LeftRedzone, nuint UserRounded, nuint RightRedzone, nuint Alignment)
{
    public nuint Total => LeftRedzone + UserRounded + RightRedzone;

    /// <summary>The redzone options of the running allocator, for reports that only have a chunk's header.</summary>
    public static int ConfiguredMinRedzone { get; private set; } = 16;
    public static int ConfiguredMaxRedzone { get; private set; } = 2048;

    public static void Configure(int minRedzone, int maxRedzone) => (ConfiguredMinRedzone, ConfiguredMaxRedzone) = (minRedzone, maxRedzone);

    public static ChunkLayout For(ulong userSize, nuint alignment, int minRedzone, int maxRedzone)
    {
        nuint rz = RedzoneFor(userSize, minRedzone, maxRedzone);
        nuint align = Math.Max(alignment, 16);
        nuint left = Math.Max(rz, align);
        nuint rounded = ((nuint)Math.Max(userSize, 1) + 7) & ~(nuint)7;
        return new ChunkLayout(left, rounded, rz, align);
    }

    public static nuint RedzoneFor(ulong size, int minRedzone, int maxRedzone)
    {
        int log = size <= 64 - 16 ? 0 : size <= 128 - 32 ? 1 : size <= 512 - 64 ? 2 : size <= 4096 - 128 ? 3
            : size <= (1 << 14) - 256 ? 4 : size <= (1 << 15) - 512 ? 5 : size <= (1 << 16) - 1024 ? 6 : 7;
        int rz = Math.Min(Math.Max(16 << log, Math.Max(16, minRedzone)), Math.Max(16, maxRedzone));
        return (nuint)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)rz);
    }
}
