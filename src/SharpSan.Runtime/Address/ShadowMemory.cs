using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using SharpSan.Runtime.Common.Native;

namespace SharpSan.Runtime.Address;

/// <summary>
/// ASan's 1/8 shadow: one shadow byte describes one 8-byte granule of application memory.
/// <code>
///   shadow(addr) = (addr >> 3) + Base
///   0         all 8 bytes addressable
///   1..7      only the first k bytes addressable
///   negative  poisoned; the value says why (see <see cref="ShadowCode"/>)
/// </code>
/// The whole 47-bit user address space is covered by one 16 TiB reservation (MAP_NORESERVE), so
/// untouched shadow reads as zero and costs nothing; only poisoned regions commit pages.
/// </summary>
public static unsafe class ShadowMemory
{
    public const int GranuleShift = 3;
    public const int Granule = 1 << GranuleShift;
    public const ulong AddressSpaceBits = 47;
    const ulong ShadowSize = 1UL << (int)(AddressSpaceBits - GranuleShift);

    /// <summary>Static readonly so that tier-1 code folds it into the instruction stream like ASan's constant offset.</summary>
    public static readonly nuint Base = Reserve();

    static nuint Reserve()
    {
        void* p = LibC.mmap(null, unchecked((nuint)ShadowSize), LibC.ProtRead | LibC.ProtWrite,
            LibC.MapPrivate | LibC.MapAnonymous | LibC.MapNoReserve, -1, 0);
        if (p == LibC.MapFailed)
            throw new InvalidOperationException($"SharpSan: could not reserve {ShadowSize >> 40} TiB of shadow address space (mmap errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
        return (nuint)p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static sbyte* For(nuint address) => (sbyte*)((address >> GranuleShift) + Base);

    public static sbyte Read(nuint address) => *For(address);

    /// <summary>Marks [address, address+size) with <paramref name="code"/>; address must be granule aligned.</summary>
    public static void Poison(nuint address, nuint size, ShadowCode code)
    {
        nuint granules = (size + Granule - 1) >> GranuleShift;
        new Span<byte>(For(address), checked((int)granules)).Fill((byte)code);
    }

    /// <summary>Makes [address, address+size) addressable, encoding a trailing partial granule.</summary>
    public static void Unpoison(nuint address, nuint size)
    {
        nuint whole = size >> GranuleShift;
        FillShadow(For(address), whole, 0);
        int tail = (int)(size & (Granule - 1));
        if (tail != 0) *For(address + (whole << GranuleShift)) = (sbyte)tail;
    }

    /// <summary>Clears shadow for memory that goes back to the system allocator; large ranges give pages back.</summary>
    public static void Clear(nuint address, nuint size)
    {
        nuint granules = (size + Granule - 1) >> GranuleShift;
        FillShadow(For(address), granules, 0);
    }

    static void FillShadow(sbyte* start, nuint count, byte value)
    {
        while (count > 0)
        {
            int n = (int)Math.Min(count, (nuint)int.MaxValue);
            new Span<byte>(start, n).Fill(value);
            start += n;
            count -= (nuint)n;
        }
    }

    /// <summary>
    /// Fast test used before exact range checks: true when every granule the range touches has shadow 0 (so
    /// every byte is addressable). False means "look closer", not necessarily an error.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllGranulesClean(nuint address, nuint size)
    {
        nuint first = address >> GranuleShift, count = ((address + size - 1) >> GranuleShift) - first + 1;
        byte* s = (byte*)(first + Base);
        if (count > 32)
        {
            // Up to 32 KiB of memory: OR the shadow together without a call (a copy's range check was ~13 % of the
            // memcpy kernel through the span search); longer ranges keep the search, which stops at the first hit.
            if (Vector256.IsHardwareAccelerated && count <= 4096) return AllZero(s, count);
            return new ReadOnlySpan<byte>(s, (int)Math.Min(count, (nuint)int.MaxValue)).IndexOfAnyExcept((byte)0) < 0 && count <= int.MaxValue;
        }
        ulong any = 0;
        nuint i = 0;
        for (; i + 8 <= count; i += 8) any |= *(ulong*)(s + i);
        for (; i < count; i++) any |= s[i];
        return any == 0;
    }

    /// <summary>Whether <paramref name="count"/> (more than 32) shadow bytes from <paramref name="s"/> are all zero; the last load overlaps.</summary>
    static bool AllZero(byte* s, nuint count)
    {
        var any = Vector256<byte>.Zero;
        nuint i = 0;
        for (; i + 32 <= count; i += 32) any |= Vector256.Load(s + i);
        any |= Vector256.Load(s + count - 32);
        return any == Vector256<byte>.Zero;
    }

    /// <summary>True when every byte of [address, address+size) is addressable. Vectorised scan of the shadow.</summary>
    public static bool IsRangeAddressable(nuint address, nuint size) => FirstBadAddress(address, size) == 0;

    /// <summary>
    /// <see cref="IsRangeAddressable"/> for a non-empty range, without a call for short ones (a loop's entry check): every
    /// granule but the last must be wholly addressable, the last one up to the range's last byte.
    /// </summary>
    public static bool IsShortRangeAddressable(nuint address, nuint size)
    {
        nuint last = address + size - 1;
        byte* s = (byte*)For(address), e = (byte*)For(last);
        if ((nuint)(e - s) > 256) return FirstBadAddress(address, size) == 0;
        for (; e - s >= 8; s += 8)
            if (Unsafe.ReadUnaligned<ulong>(s) != 0) return false;
        for (; s < e; s++)
            if (*s != 0) return false;
        sbyte v = *(sbyte*)e;
        return v == 0 || (v > 0 && (int)(last & (Granule - 1)) < v);
    }

    /// <summary>The first non-addressable byte in [address, address+size), or 0 when the whole range is addressable.</summary>
    public static nuint FirstBadAddress(nuint address, nuint size)
    {
        if (size == 0) return 0;
        nuint end = address + size;
        // Leading partial granule.
        nuint a = address;
        while ((a & (Granule - 1)) != 0 && a < end)
        {
            if (!IsByteAddressable(a)) return a;
            a++;
        }
        // Whole granules: scan for a non-zero shadow byte.
        nuint wholeEnd = end & ~(nuint)(Granule - 1);
        if (a < wholeEnd)
        {
            nuint count = (wholeEnd - a) >> GranuleShift;
            sbyte* s = For(a);
            while (count > 0)
            {
                int n = (int)Math.Min(count, (nuint)int.MaxValue);
                int idx = new ReadOnlySpan<byte>(s, n).IndexOfAnyExcept((byte)0);
                if (idx >= 0)
                {
                    nuint g = a + ((nuint)(s - For(a)) + (nuint)idx) * Granule;
                    for (nuint b = g; b < g + Granule; b++)
                        if (!IsByteAddressable(b)) return b;
                }
                s += n;
                count -= (nuint)n;
            }
            a = wholeEnd;
        }
        for (; a < end; a++)
            if (!IsByteAddressable(a)) return a;
        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsByteAddressable(nuint address)
    {
        sbyte s = *For(address);
        return s == 0 || (s > 0 && (int)(address & (Granule - 1)) < s);
    }
}

/// <summary>ASan's shadow byte values (compiler-rt asan_internal.h), so shadow dumps read the same.</summary>
public enum ShadowCode : byte
{
    Addressable = 0x00,
    HeapLeftRedzone = 0xfa,
    HeapFreed = 0xfd,
    StackLeftRedzone = 0xf1,
    StackMidRedzone = 0xf2,
    StackRightRedzone = 0xf3,
    StackAfterReturn = 0xf5,
    StackUseAfterScope = 0xf8,
    GlobalRedzone = 0xf9,
    GlobalInitOrder = 0xf6,
    UserPoisoned = 0xf7,
    ContainerOverflow = 0xfc,
    /// <summary>Not ASan's: a pooled array returned to its ArrayPool (pool-use-after-return). 0xfb is unused by current ASan.</summary>
    PoolReturned = 0xfb,
    /// <summary>Not ASan's: a managed object whose pin (fixed, pinned GCHandle) has ended (use-after-unpin). 0xf4 is unused by current ASan.</summary>
    Unpinned = 0xf4,
    ArrayCookie = 0xac,
    IntraObjectRedzone = 0xbb,
    Internal = 0xfe,
    AllocaLeftRedzone = 0xca,
    AllocaRightRedzone = 0xcb,
}
