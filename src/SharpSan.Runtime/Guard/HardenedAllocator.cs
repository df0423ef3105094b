using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Address.Interceptors;

namespace SharpSan.Runtime.Guard;

/// <summary>What a free found out about the pointer it was given.</summary>
internal enum HardenedFree { Freed, Foreign, DoubleFree, Mismatch, CorruptedHeader, Interior, Misaligned, OnStack }

/// <summary>
/// Scudo's checks over the real allocator: every block carries a <see cref="GuardHeader"/>, a free verifies it
/// (double free, mismatched family, corrupted header, interior pointer), fills the freed bytes with a pattern and
/// parks the block in a small quarantine before the real allocator may reuse it. The fast path is the real
/// allocation plus 16 bytes written; no stack is captured.
/// </summary>
internal sealed unsafe class HardenedAllocator
{
    readonly Quarantine _quarantine;
    readonly byte _fillByte;
    readonly long _maxFill;

    public HardenedAllocator(GuardOptions options)
    {
        _fillByte = options.FreeFillByte;
        _maxFill = options.MaxFreeFillSize;
        _quarantine = new Quarantine(options.QuarantineBytes, Release);
    }

    static nuint PrefixFor(nuint alignment) => Math.Max((nuint)GuardHeader.Size, alignment);

    public void* Allocate(ulong size, nuint alignment, AllocationFamily family, bool zero)
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
    public HardenedFree Free(void* p, AllocationFamily family, out GuardHeader header)
    {
        header = default;
        if ((nuint)p % 16 != 0) return HardenedFree.Misaligned;
        GuardHeader* at = GuardHeader.Of(p);
        header = *at;
        if (!header.HasMagic)
            return FindEnclosing(p, out header) ? HardenedFree.Interior : IsOnCurrentStack(p) ? HardenedFree.OnStack : HardenedFree.Foreign;
        if (!header.ChecksumHolds(at)) return HardenedFree.CorruptedHeader;
        if (header.Family != family) return header.State == GuardChunkState.Allocated ? HardenedFree.Mismatch : HardenedFree.DoubleFree;
        if (GuardHeader.TryMarkFreed(at, header.Fields) != GuardChunkState.Allocated) return HardenedFree.DoubleFree;
        ulong fill = _maxFill < 0 ? header.UserSize : Math.Min(header.UserSize, (ulong)_maxFill);
        if (fill > 0) new Span<byte>(p, (int)fill).Fill(_fillByte);
        _quarantine.Put((nuint)p, (long)header.UserSize + (long)PrefixFor(header.Alignment));
        return HardenedFree.Freed;
    }

    /// <summary>After a mismatch was reported: free the block by the family it was allocated with (as ASan goes on).</summary>
    public HardenedFree FreeAsAllocated(void* p) => Free(p, GuardHeader.Of(p)->Family, out _);

    /// <summary>
    /// For realloc: true when the block carries our header (its live size, or 0 when freed or damaged: the free that
    /// follows reports it); false for memory of the real allocator.
    /// </summary>
    public static bool TryGetLiveSize(void* p, out ulong size)
    {
        size = 0;
        if ((nuint)p % 16 != 0) return true;
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
