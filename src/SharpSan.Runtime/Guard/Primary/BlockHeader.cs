using System.Runtime.CompilerServices;
using SharpSan.Runtime.Address.Allocator;

namespace SharpSan.Runtime.Guard.Primary;

/// <summary>
/// Scudo's packed chunk header, the 8 bytes before every block of the primary heap:
/// <code>
///   [0..20)  user size     [20..23) family     [23..25) state     [25..31) size class
///   [32..48) tag (constant: a slot never written reads as no block)     [48..64) checksum
/// </code>
/// The checksum covers the address and every field but the state, keyed per process, so an overflow from the block
/// below that reaches the header is caught at this block's free, and two racing frees decide by one compare-and-swap.
/// </summary>
internal static unsafe class BlockHeader
{
    const int FamilyShift = 20, StateShift = 23, ClassShift = 25, TagShift = 32, ChecksumShift = 48;
    const ulong StateMask = 3UL << StateShift;
    const ulong Tag = 0x5347UL << TagShift;   // "GS"
    const ulong TagMask = 0xFFFFUL << TagShift;
    const ulong FieldsMask = (1UL << ChecksumShift) - 1;

    static readonly ulong s_key = (ulong)Random.Shared.NextInt64() | 1;

    public static ulong* Of(void* user) => (ulong*)((byte*)user - SizeClasses.HeaderSize);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Make(nuint user, ulong size, AllocationFamily family, int sizeClass, GuardChunkState state)
    {
        ulong fields = size | ((ulong)family << FamilyShift) | ((ulong)sizeClass << ClassShift) | Tag;
        return fields | ((ulong)state << StateShift) | ((ulong)Checksum(user, fields) << ChecksumShift);
    }

    /// <summary>Tag and checksum hold for a block at <paramref name="user"/> of class <paramref name="sizeClass"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Holds(ulong word, nuint user, int sizeClass) =>
        (word & TagMask) == Tag && Class(word) == sizeClass && (ushort)(word >> ChecksumShift) == Checksum(user, word & FieldsMask);

    public static ulong UserSize(ulong word) => word & ((1UL << FamilyShift) - 1);
    public static AllocationFamily Family(ulong word) => (AllocationFamily)((word >> FamilyShift) & 7);
    public static GuardChunkState State(ulong word) => (GuardChunkState)((word >> StateShift) & 3);
    static int Class(ulong word) => (int)((word >> ClassShift) & 0x3F);

    public static ulong WithState(ulong word, GuardChunkState state) => (word & ~StateMask) | ((ulong)state << StateShift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ushort Checksum(nuint user, ulong fields)
    {
        ulong x = (fields & ~StateMask) ^ s_key ^ ((ulong)user * 0x9E37_79B9_7F4A_7C15);
        x ^= x >> 31; x *= 0xBF58_476D_1CE4_E5B9; x ^= x >> 29;
        return (ushort)(x ^ (x >> 16) ^ (x >> 32) ^ (x >> 48));
    }
}
