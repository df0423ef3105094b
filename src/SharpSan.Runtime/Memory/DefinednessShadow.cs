using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Native;

namespace SharpSan.Runtime.Memory;

/// <summary>
/// MemorySanitizer's shadow: one shadow bit per data bit (a set bit = that bit is undefined), plus one 4-byte origin id
/// per 4 data bytes (MSan's origin granularity). Two levels so that only memory ever poisoned costs anything: a
/// directory with one entry per 64 KiB of the 47-bit address space (16 GiB reserved, never touched unless used) points
/// at pages of 64 KiB shadow followed by their origins (<see cref="ShadowPageOrigins"/>: one id while the page has one). A null entry means "all defined": managed memory, the GC
/// heap and every stack are never poisoned, so loads from them read the directory once and stop.
/// </summary>
public static unsafe class DefinednessShadow
{
    public const int PageShift = 16;
    public const nuint PageSize = 1 << PageShift;
    const nuint PageMask = PageSize - 1;
    const int AddressBits = 47;
    const nuint DirectoryEntries = (nuint)1 << (AddressBits - PageShift);

    /// <summary>The directory, mapped once; tier-1 code reads the static readonly base as a constant.</summary>
    static readonly nint s_directory = MapDirectory();

    static nint MapDirectory()
    {
        const int ProtReadWrite = 3, MapPrivateAnonymousNoReserve = 0x02 | 0x20 | 0x4000;
        void* p = LibC.mmap(null, DirectoryEntries * (nuint)sizeof(nint), ProtReadWrite, MapPrivateAnonymousNoReserve, -1, 0);
        return p == LibC.MapFailed ? 0 : (nint)p;
    }

    /// <summary>The page holding <paramref name="address"/>'s shadow, or null when it was never poisoned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte* PageOf(nuint address)
    {
        nuint index = address >> PageShift;
        if (index >= DirectoryEntries || s_directory == 0) return null;
        return ((byte**)s_directory)[index];
    }

    static readonly object s_mapLock = new();

    /// <param name="populate">
    /// The caller is about to write all of the page (Poison of a whole page): map it with every OS page present, one
    /// system call instead of sixteen page faults (each fault is a trap, dear on a virtual machine).
    /// </param>
    [MethodImpl(MethodImplOptions.NoInlining)]   // cold: kept out of the instrumented loops
    static byte* EnsurePage(nuint address, bool populate = false)
    {
        nuint index = address >> PageShift;
        if (index >= DirectoryEntries || s_directory == 0) return null;
        byte** slot = (byte**)s_directory + index;
        byte* page = (byte*)Volatile.Read(ref *(nint*)slot);
        if (page != null) return page;
        lock (s_mapLock)
        {
            page = *slot;
            if (page != null) return page;
            page = (byte*)MapZeroed(PageSize + ShadowPageOrigins.HeaderSize + DefinedPages.HeaderSize, populate);
            Volatile.Write(ref *(nint*)slot, (nint)page);
            return page;
        }
    }

    /// <summary>
    /// Zeroed memory for shadow, straight from mmap: never from malloc, whose heap is the very memory being shadowed
    /// (a shadow page carved from the heap top would grow the heap into a region that needs a page of its own).
    /// Mapped once and never unmapped: a racing reader may still hold the pointer. Null when the kernel refuses.
    /// </summary>
    internal static void* MapZeroed(nuint size, bool populate = false)
    {
        const int ProtReadWrite = 3, MapPrivateAnonymous = 0x02 | 0x20, MapPopulate = 0x8000;
        void* p = LibC.mmap(null, size, ProtReadWrite, MapPrivateAnonymous | (populate ? MapPopulate : 0), -1, 0);
        return p == LibC.MapFailed ? null : p;
    }

    /// <summary>
    /// Whether an access of <paramref name="size"/> bytes at page offset <paramref name="offset"/> stays in its page. The
    /// size is a constant at every inlined call: a byte access folds to true (no test), wider ones compare once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool InPage(nuint offset, int size) => size == 1 || offset <= PageSize - (nuint)size;

    /// <summary>The shadow of <paramref name="size"/> (1..8) bytes at <paramref name="address"/>, little-endian like the data; 0 = all defined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Load(nuint address, int size, out int origin)
    {
        byte* page = PageOf(address);
        nuint offset = address & PageMask;
        // An access that may cross into the next page is read byte by byte, whatever this page holds.
        if (InPage(offset, size))
        {
            if (page == null)
            {
                origin = 0;
                return 0;
            }
            // Within one shadow page: read the shadow in place; only an undefined value looks up its origin.
            long shadow = size switch
            {
                1 => page[offset],
                2 => Unsafe.ReadUnaligned<ushort>(page + offset),
                4 => Unsafe.ReadUnaligned<uint>(page + offset),
                _ => Unsafe.ReadUnaligned<long>(page + offset),
            };
            origin = shadow == 0 ? 0 : OriginOf(address, size);
            return shadow;
        }
        return LoadFromPage(page, address, size, out origin);
    }

    /// <summary>The shadow of a load, without its origin (see <see cref="OriginOfRange"/>): the hot path of every pointer load.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long LoadShadow(nuint address, int size)
    {
        byte* page = PageOf(address);
        nuint offset = address & PageMask;
        if (!InPage(offset, size)) return LoadFromPage(page, address, size, out _);
        if (page == null) return 0;
        return size switch
        {
            1 => page[offset],
            2 => Unsafe.ReadUnaligned<ushort>(page + offset),
            4 => Unsafe.ReadUnaligned<uint>(page + offset),
            _ => Unsafe.ReadUnaligned<long>(page + offset),
        };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]   // cold: kept out of the instrumented loops
    static long LoadFromPage(byte* page, nuint address, int size, out int origin)
    {
        nuint offset = address & PageMask;
        long shadow;
        if (page != null && offset + (nuint)size <= PageSize)
        {
            shadow = size switch
            {
                1 => page[offset],
                2 => Unsafe.ReadUnaligned<ushort>(page + offset),
                4 => Unsafe.ReadUnaligned<uint>(page + offset),
                _ => Unsafe.ReadUnaligned<long>(page + offset),
            };
        }
        else
        {
            shadow = 0;
            for (int k = 0; k < size; k++) shadow |= (long)ShadowByte(address + (nuint)k) << (8 * k);
        }
        origin = shadow == 0 ? 0 : OriginOf(address, size);
        return shadow;
    }

    static byte ShadowByte(nuint address)
    {
        byte* page = PageOf(address);
        return page == null ? (byte)0 : page[address & PageMask];
    }

    /// <summary>The origin of the first undefined byte of a loaded range (its shadow was nonzero); out of line.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int OriginOfRange(nuint address, int size) => OriginOf(address, size);

    /// <summary>The origin of the first undefined granule of the range (an undefined value keeps the origin of whichever part made it so).</summary>
    static int OriginOf(nuint address, int size)
    {
        for (nuint a = address; a < address + (nuint)size; a++)
        {
            byte* page = PageOf(a);
            if (page != null && page[a & PageMask] != 0) return ShadowPageOrigins.Get(page, a & PageMask);
        }
        return 0;
    }

    /// <summary>Records a store of <paramref name="size"/> (1..8) bytes whose value has <paramref name="shadow"/> (0 = defined).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(nuint address, int size, long shadow, int origin)
    {
        byte* page = PageOf(address);
        nuint offset = address & PageMask;
        if (InPage(offset, size) && shadow == 0)
        {
            // Defined data: nothing to record in memory never poisoned; elsewhere clear the bytes' shadow in place.
            if (page == null) return;
            switch (size)
            {
                case 1: page[offset] = 0; break;
                case 2: Unsafe.WriteUnaligned<ushort>(page + offset, 0); break;
                case 4: Unsafe.WriteUnaligned<uint>(page + offset, 0); break;
                default: Unsafe.WriteUnaligned<long>(page + offset, 0); break;
            }
            return;
        }
        StoreSlow(address, size, shadow, origin);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]   // cold: kept out of the instrumented loops
    static void StoreSlow(nuint address, int size, long shadow, int origin)
    {
        for (int k = 0; k < size; k++)
        {
            nuint a = address + (nuint)k;
            byte bits = (byte)(shadow >> (8 * k));
            byte* page = bits == 0 ? PageOf(a) : EnsurePage(a);
            if (page == null) continue;
            nuint offset = a & PageMask;
            page[offset] = bits;
            if (bits == 0) continue;
            ShadowPageOrigins.Set(page, offset, offset, origin);
            DefinedPages.Dirtied(page);
        }
    }

    /// <summary>Marks a range undefined, created at <paramref name="origin"/> (allocation, stackalloc, free).</summary>
    public static void Poison(nuint address, nuint length, int origin)
    {
        nuint end = address + length;
        for (nuint a = address; a < end;)
        {
            nuint chunkEnd = Math.Min(end, (a & ~PageMask) + PageSize);
            byte* page = EnsurePage(a, populate: chunkEnd - a == PageSize);
            if (page != null)
            {
                nuint offset = a & PageMask;
                FillBytes(ref page[offset], 0xFF, chunkEnd - a);
                if (chunkEnd - a == PageSize) ShadowPageOrigins.SetWholePage(page, origin);
                else ShadowPageOrigins.Set(page, offset, (chunkEnd - 1) & PageMask, origin);
                DefinedPages.Dirtied(page);
            }
            a = chunkEnd;
        }
    }

    /// <summary>
    /// Fills bytes through the JIT's block-init, or libc's <c>memset</c> for large fills: <c>Span&lt;byte&gt;.Fill</c> is
    /// a generic CoreLib ships no native code for, and the block-init helper is itself managed code
    /// (<c>SpanHelpers.Fill</c>) that the few huge fills of a program (allocations poisoned whole) ran at tier 0.
    /// Such fills are memory-bound either way (lz's 56 MiB: 7–10 % of its samples, no measurable change); libc's
    /// does not depend on tier-up.
    /// </summary>
    internal static void FillBytes(ref byte start, byte value, nuint length)
    {
        if (length >= LargeFill)
        {
            fixed (byte* p = &start) LibCMemset(p, value, length);
            return;
        }
        for (nuint done = 0; done < length;)
        {
            uint chunk = (uint)Math.Min(length - done, (nuint)uint.MaxValue);
            Unsafe.InitBlockUnaligned(ref Unsafe.Add(ref start, done), value, chunk);
            done += chunk;
        }
    }

    /// <summary>From this length on a fill goes to libc (a P/Invoke costs tens of nanoseconds: nothing against 4 KiB).</summary>
    const nuint LargeFill = 4096;

    [DllImport("libc", EntryPoint = "memset")]
    static extern void* LibCMemset(void* destination, int value, nuint length);

    /// <summary>Marks a range defined (a store of known bytes: Clear, Fill, a copy from unpoisoned memory, AllocZeroed).</summary>
    public static void Unpoison(nuint address, nuint length)
    {
        nuint end = address + length;
        for (nuint a = address; a < end;)
        {
            nuint chunkEnd = Math.Min(end, (a & ~PageMask) + PageSize);
            byte* page = PageOf(a);
            if (page != null && !DefinedPages.IsDefined(page)) new Span<byte>(page + (a & PageMask), (int)(chunkEnd - a)).Clear();
            a = chunkEnd;
        }
    }

    /// <summary>Copies the shadow and origins of a range (memmove semantics: the ranges may overlap).</summary>
    /// <remarks>
    /// Chunk by chunk, each inside one source and one destination page, walking backwards when the destination
    /// overlaps the source from above (so no chunk reads shadow an earlier chunk wrote). A chunk whose source shadow is
    /// all defined (the common case) clears the destination's shadow, or does nothing where it was never poisoned; only
    /// a chunk holding undefined bytes is copied byte by byte with their origins.
    /// </remarks>
    public static void Copy(nuint destination, nuint source, nuint length)
    {
        if (length == 0 || destination == source) return;
        bool backwards = destination > source && destination < source + length;
        var chain = new CopyOriginChain();
        nuint done = 0;
        while (done < length)
        {
            nuint left = length - done, chunk;
            nuint from, to;
            if (backwards)
            {
                nuint fromEnd = source + left, toEnd = destination + left;
                chunk = Math.Min(left, Math.Min(OffsetInPage(fromEnd - 1) + 1, OffsetInPage(toEnd - 1) + 1));
                from = fromEnd - chunk;
                to = toEnd - chunk;
            }
            else
            {
                from = source + done;
                to = destination + done;
                chunk = Math.Min(left, Math.Min(PageSize - OffsetInPage(from), PageSize - OffsetInPage(to)));
            }
            CopyChunk(to, from, chunk, backwards, ref chain);
            done += chunk;
        }
    }

    static nuint OffsetInPage(nuint address) => address & PageMask;

    /// <summary>One chunk of <see cref="Copy"/>: source and destination each within one page.</summary>
    static void CopyChunk(nuint to, nuint from, nuint length, bool backwards, ref CopyOriginChain chain)
    {
        byte* sourcePage = PageOf(from);
        byte* destinationPage = PageOf(to);
        bool sourceDefined = sourcePage == null || DefinedPages.FirstUndefined(sourcePage, OffsetInPage(from), length) < 0;
        if (sourceDefined)
        {
            if (destinationPage != null && !DefinedPages.IsDefined(destinationPage)) new Span<byte>(destinationPage + OffsetInPage(to), (int)length).Clear();
            return;
        }
        if (destinationPage == null) destinationPage = EnsurePage(to);
        if (destinationPage == null) return;
        for (nuint k = 0; k < length; k++)
        {
            nuint i = backwards ? length - 1 - k : k;
            nuint fromOffset = OffsetInPage(from + i), toOffset = OffsetInPage(to + i);
            byte bits = sourcePage[fromOffset];
            destinationPage[toOffset] = bits;
            if (bits != 0) ShadowPageOrigins.Set(destinationPage, toOffset, toOffset, chain.Of(ShadowPageOrigins.Get(sourcePage, fromOffset)));
        }
        DefinedPages.Dirtied(destinationPage);
    }

    /// <summary>
    /// track_origins=2: the origins of the undefined bytes a copy moves gain a link saying the copy stored them (MSan chains
    /// memcpy'd and realloc'd origins the same way). The copying stack is captured once per copy, at its first undefined
    /// byte, and the last link is remembered, so a copy of one undefined block costs one lookup.
    /// </summary>
    internal struct CopyOriginChain
    {
        int _stack, _from, _to;

        public int Of(int origin)
        {
            if (!MemoryChecks.s_chainStores || origin == 0) return origin;
            if (origin == _from && _to != 0) return _to;
            try
            {
                if (_stack == 0) _stack = MemorySanitizer.CaptureStackId(-1);
                (_from, _to) = (origin, Origins.Chain(origin, _stack));
                return _to;
            }
            catch (Exception e) when (Common.InternalErrors.Contain("MemorySanitizer.ChainCopiedOrigin", e))
            {
                return origin;
            }
        }
    }

    /// <summary>The offset of the first undefined byte of the range, or -1 when it is all defined.</summary>
    public static long FirstUndefined(nuint address, nuint length, out int origin)
    {
        origin = 0;
        nuint end = address + length;
        for (nuint a = address; a < end;)
        {
            nuint chunkEnd = Math.Min(end, (a & ~PageMask) + PageSize);
            byte* page = PageOf(a);
            if (page != null)
            {
                int at = DefinedPages.FirstUndefined(page, a & PageMask, chunkEnd - a);
                if (at >= 0)
                {
                    nuint bad = a + (nuint)at;
                    origin = ShadowPageOrigins.Get(page, bad & PageMask);
                    return (long)(bad - address);
                }
            }
            a = chunkEnd;
        }
        return -1;
    }

    /// <summary>
    /// Whether <paramref name="address"/>'s 64 KiB page was ever given shadow (poisoned native memory). Copies into
    /// memory without a page (the GC heap, thread stacks) leave it defined: the GC moves objects, so an undefined shadow
    /// written there would later belong to whatever object moves in.
    /// </summary>
    public static bool HasPage(nuint address) => PageOf(address) != null;

    /// <summary>Gives a defined native range (AllocZeroed) its pages, so that copies of undefined bytes into it are followed (see <see cref="HasPage"/>).</summary>
    public static void Track(nuint address, nuint length)
    {
        if (length == 0) return;
        for (nuint page = address & ~PageMask; page <= ((address + length - 1) & ~PageMask); page += PageSize) EnsurePage(page);
    }
}
