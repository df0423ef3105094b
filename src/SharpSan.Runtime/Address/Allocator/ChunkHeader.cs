using System.Runtime.InteropServices;

namespace SharpSan.Runtime.Address.Allocator;

public enum ChunkState : byte { Available = 0, Allocated = 1, Quarantined = 2 }

/// <summary>Allocation families: memory must be released by the family that allocated it.</summary>
public enum AllocationFamily : byte { NativeMemory = 1, NativeMemoryAligned = 2, HGlobal = 3, CoTaskMem = 4 }

/// <summary>
/// The 16-byte header in the last granules of a chunk's left redzone (ASan keeps its chunk header there too):
/// <code>
///   [0..4)   magic (16 bits) | checksum of the other fields (8 bits) | state (8 bits)
///   [4..8)   allocation stack id (stack depot)
///   [8..16)  user size (40 bits) | family (4) | log2 alignment (6) | allocating thread (14)
/// </code>
/// After free, the first 8 bytes of the user region hold the free stack id and the freeing thread,
/// as ASan does, so the header needs no room for them.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 16)]
public struct ChunkHeader
{
    public const uint Magic = 0x5A_A5_00_00;
    const uint MagicMask = 0xFFFF_0000;
    public const int Size = 16;

    uint _magicAndState;
    public int AllocStack;
    ulong _packed;

    /// <summary>Magic matches, state is live or quarantined, and the checksum proves the fields were not overwritten (e.g. by an underflow that was reported and continued past).</summary>
    public readonly bool IsValid => (_magicAndState & MagicMask) == Magic && State is ChunkState.Allocated or ChunkState.Quarantined
        && ((_magicAndState >> 8) & 0xFF) == Checksum(AllocStack, _packed);

    static uint Checksum(int stack, ulong packed)
    {
        ulong x = packed ^ (uint)stack ^ ((ulong)(uint)stack << 32);
        x ^= x >> 32; x ^= x >> 16; x ^= x >> 8;
        return (uint)(x & 0xFF) ^ 0x5C;
    }
    public readonly ChunkState State => (ChunkState)(_magicAndState & 0xFF);
    public readonly ulong UserSize => _packed & ((1UL << 40) - 1);
    public readonly AllocationFamily Family => (AllocationFamily)((_packed >> 40) & 0xF);
    public readonly nuint Alignment => (nuint)1 << (int)((_packed >> 44) & 0x3F);
    public readonly int AllocThread => (int)(_packed >> 50);

    public void Initialize(ulong userSize, AllocationFamily family, nuint alignment, int allocStack, int tid)
    {
        AllocStack = allocStack;
        _packed = userSize | ((ulong)family << 40) | ((ulong)System.Numerics.BitOperations.Log2(alignment) << 44) | ((ulong)(tid & 0x3FFF) << 50);
        Volatile.Write(ref _magicAndState, Magic | (Checksum(allocStack, _packed) << 8) | (uint)ChunkState.Allocated);
    }

    /// <summary>Atomically moves Allocated → Quarantined; false when the chunk was not allocated (double free).</summary>
    public bool TryMarkFreed()
    {
        uint live = (_magicAndState & ~0xFFu) | (uint)ChunkState.Allocated;
        return Interlocked.CompareExchange(ref _magicAndState, (live & ~0xFFu) | (uint)ChunkState.Quarantined, live) == live;
    }

    public void Invalidate() => Volatile.Write(ref _magicAndState, 0);
}

/// <summary>Where the free stack lives once a chunk is freed: the start of its (rounded) user region.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct FreeRecord
{
    public int FreeStack;
    public int FreeThread;
}
