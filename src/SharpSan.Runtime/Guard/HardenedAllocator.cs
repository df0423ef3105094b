using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Address.Interceptors;
using SharpSan.Runtime.Guard.Primary;

namespace SharpSan.Runtime.Guard;

/// <summary>What a free found out about the pointer it was given.</summary>
internal enum HardenedFree { Freed, Foreign, DoubleFree, Mismatch, CorruptedHeader, Interior, Misaligned, OnStack, NotABlock }

/// <summary>What a free's header told of the block (for the report).</summary>
internal readonly record struct FreedBlock(ulong UserSize, AllocationFamily Family);

/// <summary>
/// Scudo's checks on every block: a block carries a checksummed header, a free verifies it (double free, mismatched
/// family, corrupted header, interior pointer), fills the freed bytes with a pattern and parks the block in a small
/// quarantine before it may be reused. Small blocks (up to 64 KiB, 16-byte alignment) come from guard mode's own
/// size-class heap (<see cref="PrimaryHeap"/>, an 8-byte header); larger or more aligned ones from the real allocator
/// with a 16-byte <see cref="GuardHeader"/> in front. No stack is captured.
/// </summary>
internal sealed unsafe class HardenedAllocator
{
    readonly LargeQuarantine _largeQuarantine;
    readonly PrimaryHeap _primary;
    readonly byte _fillByte;
    readonly long _maxFill;

    public HardenedAllocator(GuardOptions options)
    {
        _fillByte = options.FreeFillByte;
        _maxFill = options.MaxFreeFillSize;
        _largeQuarantine = new LargeQuarantine(options.QuarantineBytes, Release);
        _primary = new PrimaryHeap(options.QuarantineBytes);
    }

    static nuint PrefixFor(nuint alignment) => Math.Max((nuint)GuardHeader.Size, alignment);

    public void* Allocate(ulong size, nuint alignment, AllocationFamily family, bool zero)
    {
        if (size <= SizeClasses.MaxUserSize && alignment <= 16)
        {
            int c = SizeClasses.For(size);
            nuint user = _primary.Take(c);
            if (user != 0)
            {
                *BlockHeader.Of((void*)user) = BlockHeader.Make(user, size, family, c, GuardChunkState.Allocated);
                if (zero) System.Runtime.InteropServices.NativeMemory.Clear((void*)user, (nuint)size);
                return (void*)user;
            }
        }
        return AllocateLarge(size, alignment, family, zero);
    }

    void* AllocateLarge(ulong size, nuint alignment, AllocationFamily family, bool zero)
    {
        if (size > (1UL << 40) - 1) throw new OutOfMemoryException();
        nuint prefix = PrefixFor(alignment);
        byte* block = (byte*)RealAllocator.Allocate(size + prefix, Math.Max(alignment, 16), family, zero);
        if (block == null) return null;
        byte* user = block + prefix;
        GuardHeader.Write(GuardHeader.Of(user), size, family, alignment);
        return user;
    }

    /// <summary>Checks and frees a block; on any finding the block is left alone (never handed to a deallocator that may not own it).</summary>
    public HardenedFree Free(void* p, AllocationFamily family, out FreedBlock block)
    {
        block = default;
        if ((nuint)p % 16 != 0) return HardenedFree.Misaligned;
        return _primary.Owns(p) ? FreeSmall(p, family, out block) : FreeLarge(p, family, out block);
    }

    HardenedFree FreeSmall(void* p, AllocationFamily family, out FreedBlock block)
    {
        block = default;
        if (_primary.Locate(p, out int c, out nuint start) != HeapPosition.BlockStart) return InteriorOrNone(p, c, start, out block);
        ulong* at = BlockHeader.Of(p);
        ulong word = Volatile.Read(ref *at);
        if (!BlockHeader.Holds(word, (nuint)p, c)) return word == 0 ? HardenedFree.NotABlock : HardenedFree.CorruptedHeader;
        block = new FreedBlock(BlockHeader.UserSize(word), BlockHeader.Family(word));
        var state = BlockHeader.State(word);
        if (state != GuardChunkState.Allocated) return HardenedFree.DoubleFree;
        if (block.Family != family) return HardenedFree.Mismatch;
        ulong was = Interlocked.CompareExchange(ref *at, BlockHeader.WithState(word, GuardChunkState.Quarantined), word);
        if (was != word) return HardenedFree.DoubleFree;
        Fill(p, block.UserSize);
        _primary.Quarantine((nuint)p, c);
        return HardenedFree.Freed;
    }

    /// <summary>A pointer into the heap that is no block's start: inside a live block (interior), or in no block of ours.</summary>
    static HardenedFree InteriorOrNone(void* p, int c, nuint start, out FreedBlock block)
    {
        block = default;
        if (start == 0) return HardenedFree.NotABlock;
        ulong word = Volatile.Read(ref *BlockHeader.Of((void*)start));
        if (!BlockHeader.Holds(word, start, c) || BlockHeader.State(word) != GuardChunkState.Allocated) return HardenedFree.NotABlock;
        block = new FreedBlock(BlockHeader.UserSize(word), BlockHeader.Family(word));
        return (ulong)((nuint)p - start) < Math.Max(block.UserSize, 1) ? HardenedFree.Interior : HardenedFree.NotABlock;
    }

    HardenedFree FreeLarge(void* p, AllocationFamily family, out FreedBlock block)
    {
        GuardHeader* at = GuardHeader.Of(p);
        var header = *at;
        block = new FreedBlock(header.UserSize, header.Family);
        if (!header.HasMagic)
        {
            block = default;
            if (!FindEnclosing(p, out header)) return IsOnCurrentStack(p) ? HardenedFree.OnStack : HardenedFree.Foreign;
            block = new FreedBlock(header.UserSize, header.Family);
            return HardenedFree.Interior;
        }
        if (!header.ChecksumHolds(at)) return HardenedFree.CorruptedHeader;
        if (header.Family != family) return header.State == GuardChunkState.Allocated ? HardenedFree.Mismatch : HardenedFree.DoubleFree;
        if (GuardHeader.TryMarkFreed(at, header.Fields) != GuardChunkState.Allocated) return HardenedFree.DoubleFree;
        Fill(p, header.UserSize);
        _largeQuarantine.Put((nuint)p, (long)header.UserSize + (long)PrefixFor(header.Alignment));
        return HardenedFree.Freed;
    }

    /// <summary>
    /// Scudo's free fill, by 8-byte stores in place: a typical small block takes a handful, with no call out (Span.Fill
    /// would also be JIT-compiled at the first free).
    /// </summary>
    void Fill(void* p, ulong size)
    {
        ulong fill = _maxFill < 0 ? size : Math.Min(size, (ulong)_maxFill);
        ulong pattern = _fillByte * 0x0101_0101_0101_0101UL;
        ulong* words = (ulong*)p;
        ulong whole = fill / 8;
        for (ulong i = 0; i < whole; i++) words[i] = pattern;
        for (ulong i = whole * 8; i < fill; i++) ((byte*)p)[i] = _fillByte;
    }

    /// <summary>After a mismatch was reported: free the block by the family it was allocated with (as ASan goes on).</summary>
    public HardenedFree FreeAsAllocated(void* p, AllocationFamily allocatedAs) => Free(p, allocatedAs, out _);

    /// <summary>
    /// For realloc: true when the block carries our header (its live size, or 0 when freed or damaged: the free that
    /// follows reports it); false for memory of the real allocator.
    /// </summary>
    public bool TryGetLiveSize(void* p, out ulong size)
    {
        size = 0;
        if ((nuint)p % 16 != 0) return true;
        if (_primary.Owns(p))
        {
            if (_primary.Locate(p, out int c, out _) != HeapPosition.BlockStart) return true;
            ulong word = Volatile.Read(ref *BlockHeader.Of(p));
            if (BlockHeader.Holds(word, (nuint)p, c) && BlockHeader.State(word) == GuardChunkState.Allocated) size = BlockHeader.UserSize(word);
            return true;
        }
        GuardHeader* at = GuardHeader.Of(p);
        if (!at->HasMagic) return FindEnclosing(p, out _) || IsOnCurrentStack(p);
        if (at->ChecksumHolds(at) && at->State == GuardChunkState.Allocated) size = at->UserSize;
        return true;
    }

    void Release(nuint user)
    {
        GuardHeader* at = GuardHeader.Of((void*)user);
        var header = *at;
        GuardHeader.Erase(at);
        RealAllocator.Free((byte*)user - PrefixFor(header.Alignment), header.Family);
    }

    /// <summary>How far below an unknown pointer a header of ours is looked for (a pointer deeper into a block looks foreign).</summary>
    const nuint InteriorSearch = 64 * 1024;

    /// <summary>
    /// An interior pointer: a valid header of ours below it, within <see cref="InteriorSearch"/>, whose block contains
    /// it. Pages below the pointer's own are read only when the kernel says they can be (they may be unmapped or a guard
    /// page): a block that starts on the page before (1 in 128 of `Free(p + 32)` on 100-byte blocks) is still found.
    /// </summary>
    static bool FindEnclosing(void* p, out GuardHeader header)
    {
        header = default;
        nuint page = (nuint)p & ~(nuint)4095;
        while ((nuint)p - page < InteriorSearch && page >= 4096 && Common.Native.LibC.IsReadable(page - 4096)) page -= 4096;
        for (nuint h = (nuint)p - GuardHeader.Size * 2; h >= page && h < (nuint)p; h -= 16)
        {
            var at = (GuardHeader*)h;
            if (!at->HasMagic || !at->ChecksumHolds(at) || at->State == GuardChunkState.Released) continue;
            nuint user = h + GuardHeader.Size;
            if ((nuint)p > user && (ulong)((nuint)p - user) < Math.Max(at->UserSize, 1))
            {
                header = *at;
                return true;
            }
            return false;   // the nearest block of ours ends before p
        }
        return false;
    }

    static bool IsOnCurrentStack(void* p)
    {
        byte here;
        nuint sp = (nuint)(&here);
        return (nuint)p >= sp - (64 << 10) && (nuint)p < sp + (8u << 20);
    }
}
