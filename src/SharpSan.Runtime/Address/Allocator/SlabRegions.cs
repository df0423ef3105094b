using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Native;

namespace SharpSan.Runtime.Address.Allocator;

/// <summary>
/// Address space for the slab's size classes. A class starts with small regions; once it has carved
/// <see cref="HotThreshold"/> bytes it is hot and gets large regions backed by transparent huge pages, their shadow
/// too. A quarantine that holds freed slots back makes an allocation-heavy program touch fresh memory on almost every
/// malloc, and on 4 KiB pages that is one page fault per 4 KiB of slots (plus one per 32 KiB of shadow): huge pages
/// make that 512 times fewer faults and TLB misses. Cold classes stay on small regions so that a program which
/// allocates a few chunks of many sizes does not commit 2 MiB per size.
/// </summary>
internal static unsafe class SlabRegions
{
    public const nuint SmallRegion = 1 << 20;
    /// <summary>A hot region: its shadow is exactly one 2 MiB huge page.</summary>
    public const nuint HugeRegion = HugePage << ShadowMemory.GranuleShift;
    public const nuint HotThreshold = 2 << 20;
    const nuint HugePage = 2 << 20;
    const int MadvHugePage = 14;

    [DllImport("libc", SetLastError = true)]
    static extern int munmap(void* addr, nuint length);

    /// <summary>A fresh region for a class that has carved <paramref name="carvedBytes"/> so far, at least <paramref name="minSize"/> long.</summary>
    public static (nuint Base, nuint Size) Map(nuint carvedBytes, nuint minSize)
    {
        if (carvedBytes >= HotThreshold && minSize <= HugeRegion) return (MapHuge(), HugeRegion);
        nuint size = Math.Max(SmallRegion, minSize);
        return (MapAnywhere(size), size);
    }

    static nuint MapAnywhere(nuint size)
    {
        void* region = LibC.mmap(null, size, LibC.ProtRead | LibC.ProtWrite, LibC.MapPrivate | LibC.MapAnonymous | LibC.MapNoReserve, -1, 0);
        if (region == LibC.MapFailed) throw new OutOfMemoryException("SharpSan: could not map a heap region");
        return (nuint)region;
    }

    /// <summary>
    /// A <see cref="HugeRegion"/> placed so that its shadow starts on a huge-page boundary (the region itself then
    /// holds 2 MiB-aligned huge pages except at its ends when the shadow base is not 256 KiB-aligned).
    /// </summary>
    static nuint MapHuge()
    {
        // Over-map by one region, keep the part at the wanted offset, give the rest back.
        nuint span = HugeRegion * 2;
        nuint raw = MapAnywhere(span);
        nuint start = AlignedForShadow(raw);
        if (start > raw) munmap((void*)raw, start - raw);
        nuint end = start + HugeRegion;
        if (raw + span > end) munmap((void*)end, raw + span - end);
        // Only advice: where the kernel has no huge pages to give, the region works on small pages.
        LibC.madvise((void*)start, HugeRegion, MadvHugePage);
        LibC.madvise(ShadowMemory.For(start), HugePage, MadvHugePage);
        return start;
    }

    /// <summary>The first address at or after <paramref name="raw"/> whose shadow is 2 MiB-aligned.</summary>
    static nuint AlignedForShadow(nuint raw)
    {
        // shadow(a) = (a >> 3) + Base: want (a >> 3) ≡ -Base (mod 2 MiB), i.e. a ≡ 8·(-Base mod 2 MiB) (mod 16 MiB).
        nuint wanted = ((HugePage - (ShadowMemory.Base & (HugePage - 1))) & (HugePage - 1)) << ShadowMemory.GranuleShift;
        nuint offset = (wanted - (raw & (HugeRegion - 1))) & (HugeRegion - 1);
        return raw + offset;
    }
}
