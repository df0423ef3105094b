using System.Runtime.InteropServices;
using SharpSan.Runtime.Address.Allocator;

namespace SharpSan.Runtime.Guard;

public enum GuardChunkState : byte { Released = 0, Allocated = 1, Quarantined = 2 }

/// <summary>
/// Scudo's chunk header, in the 16 bytes before every block the hardened allocator hands out:
/// <code>
///   [0..8)   user size (40 bits) | family (4) | log2 alignment (6) | state (2)
///   [8..12)  checksum of the address and the fields except the state, keyed per process
///   [12..16) magic, next to the user bytes
/// </code>
/// An overflow from the block before runs into the fields first and the magic last, so a short one leaves the magic
/// and breaks the checksum: the free that meets it reports a corrupted header instead of trusting it. The checksum
/// leaves the state out so that two racing frees decide by one compare-and-swap on the fields.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 16)]
internal struct GuardHeader
{
    public const uint Magic = 0x4755_4152;   // "GUAR"
    public const int Size = 16;
    const int StateShift = 50;
    const ulong StateMask = 3UL << StateShift;

    static readonly ulong s_key = (ulong)Random.Shared.NextInt64() | 1;

    public ulong Fields;
    public uint Checksum;
    public uint MagicWord;

    public readonly ulong UserSize => Fields & ((1UL << 40) - 1);
    public readonly AllocationFamily Family => (AllocationFamily)((Fields >> 40) & 0xF);
    public readonly nuint Alignment => (nuint)1 << (int)((Fields >> 44) & 0x3F);
    public readonly GuardChunkState State => (GuardChunkState)((Fields >> StateShift) & 3);

    public static ulong Pack(ulong userSize, AllocationFamily family, nuint alignment, GuardChunkState state) =>
        userSize | ((ulong)family << 40) | ((ulong)System.Numerics.BitOperations.Log2(alignment) << 44) | ((ulong)state << StateShift);

    public static ulong WithState(ulong fields, GuardChunkState state) => (fields & ~StateMask) | ((ulong)state << StateShift);

    public static uint ChecksumOf(nuint headerAddress, ulong fields)
    {
        ulong x = (fields & ~StateMask) ^ s_key ^ ((ulong)headerAddress * 0x9E37_79B9_7F4A_7C15);
        x ^= x >> 31; x *= 0xBF58_476D_1CE4_E5B9; x ^= x >> 29;
        return (uint)x ^ (uint)(x >> 32);
    }

    public static unsafe GuardHeader* Of(void* user) => (GuardHeader*)((byte*)user - Size);

    public readonly bool HasMagic => MagicWord == Magic;

    public readonly unsafe bool ChecksumHolds(GuardHeader* at) => Checksum == ChecksumOf((nuint)at, Volatile.Read(ref ((GuardHeader*)at)->Fields));

    public static unsafe void Write(GuardHeader* at, ulong userSize, AllocationFamily family, nuint alignment)
    {
        ulong fields = Pack(userSize, family, alignment, GuardChunkState.Allocated);
        at->Fields = fields;
        at->Checksum = ChecksumOf((nuint)at, fields);
        Volatile.Write(ref at->MagicWord, Magic);
    }

    /// <summary>Allocated → Quarantined by one compare-and-swap; the state seen otherwise (a double free sees Quarantined).</summary>
    public static unsafe GuardChunkState TryMarkFreed(GuardHeader* at, ulong seenFields)
    {
        if (((seenFields >> StateShift) & 3) != (ulong)GuardChunkState.Allocated) return (GuardChunkState)((seenFields >> StateShift) & 3);
        ulong was = Interlocked.CompareExchange(ref at->Fields, WithState(seenFields, GuardChunkState.Quarantined), seenFields);
        return was == seenFields ? GuardChunkState.Allocated : (GuardChunkState)((was >> StateShift) & 3);
    }

    /// <summary>Before the block goes back to the real allocator: no stale header survives for a later free to trust.</summary>
    public static unsafe void Erase(GuardHeader* at)
    {
        at->MagicWord = 0;
        at->Checksum = 0;
        at->Fields = 0;
    }
}
