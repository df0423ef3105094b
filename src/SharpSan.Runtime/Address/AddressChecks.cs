using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Address;

/// <summary>
/// The entry points instrumented code calls before a load or store through a pointer (ASan's __asan_loadN /
/// __asan_storeN). Each is a few instructions that the JIT inlines into the caller: read the shadow of the
/// first and last byte; only when either is non-zero call the slow path, which checks precisely and reports.
/// <paramref name="site"/> is the IL offset of the access, used only in reports.
/// </summary>
public static unsafe class AddressChecks
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load1(void* p, int site)
    {
        sbyte s = *(sbyte*)(((nuint)p >> 3) + ShadowMemory.Base);
        if (s != 0) Slow(p, 1, false, site);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load2(void* p, int site) { if (Poisoned(p, 2)) Slow(p, 2, false, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load4(void* p, int site) { if (Poisoned(p, 4)) Slow(p, 4, false, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load8(void* p, int site) { if (Poisoned(p, 8)) Slow(p, 8, false, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load16(void* p, int site) { if (Poisoned(p, 16)) Slow(p, 16, false, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LoadN(void* p, int size, int site) { if (size > 0 && Poisoned(p, (nuint)size)) Slow(p, (nuint)size, false, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store1(void* p, int site)
    {
        sbyte s = *(sbyte*)(((nuint)p >> 3) + ShadowMemory.Base);
        if (s != 0) Slow(p, 1, true, site);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store2(void* p, int site) { if (Poisoned(p, 2)) Slow(p, 2, true, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store4(void* p, int site) { if (Poisoned(p, 4)) Slow(p, 4, true, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store8(void* p, int site) { if (Poisoned(p, 8)) Slow(p, 8, true, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store16(void* p, int site) { if (Poisoned(p, 16)) Slow(p, 16, true, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreN(void* p, int size, int site) { if (size > 0 && Poisoned(p, (nuint)size)) Slow(p, (nuint)size, true, site); }

    /// <summary>cpblk/initblk: whole ranges, checked out of line.</summary>
    public static void CheckCopyBlock(void* destination, void* source, uint size, int site)
    {
        if (size == 0) return;
        Slow(source, size, false, site);
        Slow(destination, size, true, site);
    }

    public static void CheckInitBlock(void* destination, uint size, int site)
    {
        if (size != 0) Slow(destination, size, true, site);
    }

    // Shadow of the first and the last byte: exact for any access that spans at most two granules, and a
    // poisoned run is never shorter than two granules, so a 16-byte access cannot hide one in the middle.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool Poisoned(void* p, nuint size)
    {
        nuint a = (nuint)p;
        sbyte first = *(sbyte*)((a >> 3) + ShadowMemory.Base);
        sbyte last = *(sbyte*)(((a + size - 1) >> 3) + ShadowMemory.Base);
        return (first | last) != 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Slow(void* p, nuint size, bool isWrite, int site)
    {
        nuint bad = ShadowMemory.FirstBadAddress((nuint)p, size);
        if (bad == 0) return;   // partial granule, but the bytes touched are addressable
        AddressSanitizer.ReportAccess((nuint)p, size, isWrite, bad, AddressSanitizer.CaptureForReport(-1, site));
    }
}
