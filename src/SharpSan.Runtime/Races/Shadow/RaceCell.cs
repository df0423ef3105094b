using System.Runtime.InteropServices;

namespace SharpSan.Runtime.Races.Shadow;

/// <summary>
/// FastTrack's shadow of one variable (a field, a static, an array element): the epoch of the last write and the
/// epoch of the last read, or — when reads are truly shared — a reference to a read vector clock.
/// The rewriter adds one of these next to every instrumented field, so the shadow moves with its object.
/// <para>Epoch = (thread id &lt;&lt; 32) | clock, clocks start at 1, so 0 means "never". A negative
/// <see cref="Read"/> is <c>~index</c> into <see cref="ReadClocks"/>.</para>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct RaceCell
{
    public long Write;
    public long Read;
}

/// <summary>Packing and unpacking of epochs.</summary>
internal static class Epoch
{
    /// <summary>Marks a <see cref="RaceCell.Write"/> made by an atomic operation (Interlocked, Volatile.Write).</summary>
    public const long AtomicFlag = 1L << 62;

    public static long Of(int tid, int clock) => ((long)tid << 32) | (uint)clock;
    public static int Tid(long epoch) => (int)(epoch >> 32) & 0x3FFF_FFFF;
    public static int Clock(long epoch) => (int)epoch;
    public static bool IsAtomic(long epoch) => (epoch & AtomicFlag) != 0;
}
