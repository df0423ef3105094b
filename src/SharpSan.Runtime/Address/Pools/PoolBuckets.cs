namespace SharpSan.Runtime.Address.Pools;

/// <summary>
/// The array lengths the BCL's pools hand out (TlsOverPerCoreLockedStacksArrayPool / ConfigurableArrayPool):
/// the requested length rounded up to a power of two, at least 16. Matching them keeps code that (wrongly)
/// relies on <c>array.Length</c> behaving as it does without SharpSan — which is exactly what the poisoned
/// tail then catches.
/// </summary>
internal static class PoolBuckets
{
    public const int MinimumLength = 16;
    /// <summary>Largest bucket of ArrayPool.Shared (.NET 7+); bigger requests get an exact-size array.</summary>
    public const int SharedMaximumLength = 1 << 30;

    public static int LengthFor(int requested, int maximumLength)
    {
        if (requested > maximumLength) return requested;
        return (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(requested, MinimumLength));
    }
}
