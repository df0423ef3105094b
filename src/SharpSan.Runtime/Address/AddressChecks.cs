using System.Runtime.CompilerServices;

namespace SharpSan.Runtime.Address;

/// <summary>
/// The entry points instrumented code calls before a load or store through a pointer (ASan's __asan_loadN /
/// __asan_storeN). Each is a few instructions that the JIT inlines into the caller: the shadow byte of the
/// first and of the last byte accessed, each compared exactly as ASan does (a partial granule k allows offsets
/// below k). A failing check calls a reporter that never returns, so the JIT treats it as a cold throw path and
/// keeps the loop's registers; this is clang's default (non-recovering) instrumentation.
/// The <c>…Recover</c> variants (halt_on_error=0, like -fsanitize-recover) call a slow path that returns.
/// <paramref name="site"/> is the IL offset of the access, used only in reports.
/// </summary>
public static unsafe class AddressChecks
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load1(void* p, int site) { if (Bad(p, 1) && Confirmed(p, 1, site)) ReportLoad(p, 1, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load2(void* p, int site) { if (Bad(p, 2) && Confirmed(p, 2, site)) ReportLoad(p, 2, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load4(void* p, int site) { if (Bad(p, 4) && Confirmed(p, 4, site)) ReportLoad(p, 4, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load8(void* p, int site) { if (Bad(p, 8) && Confirmed(p, 8, site)) ReportLoad(p, 8, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load16(void* p, int site) { if (Bad(p, 16) && Confirmed(p, 16, site)) ReportLoad(p, 16, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LoadN(void* p, int size, int site) { if (size > 0 && Bad(p, (nuint)size) && Confirmed(p, (nuint)size, site)) ReportLoad(p, (nuint)size, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store1(void* p, int site) { if (Bad(p, 1) && Confirmed(p, 1, site)) ReportStore(p, 1, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store2(void* p, int site) { if (Bad(p, 2) && Confirmed(p, 2, site)) ReportStore(p, 2, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store4(void* p, int site) { if (Bad(p, 4) && Confirmed(p, 4, site)) ReportStore(p, 4, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store8(void* p, int site) { if (Bad(p, 8) && Confirmed(p, 8, site)) ReportStore(p, 8, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store16(void* p, int site) { if (Bad(p, 16) && Confirmed(p, 16, site)) ReportStore(p, 16, site); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreN(void* p, int size, int site) { if (size > 0 && Bad(p, (nuint)size) && Confirmed(p, (nuint)size, site)) ReportStore(p, (nuint)size, site); }

    // Recovering variants: the slow path returns after reporting (or after finding the access was fine).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load1Recover(void* p, int site) { if (Bad(p, 1) && Confirmed(p, 1, site)) Slow(p, 1, false, site); }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load2Recover(void* p, int site) { if (Bad(p, 2) && Confirmed(p, 2, site)) Slow(p, 2, false, site); }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load4Recover(void* p, int site) { if (Bad(p, 4) && Confirmed(p, 4, site)) Slow(p, 4, false, site); }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load8Recover(void* p, int site) { if (Bad(p, 8) && Confirmed(p, 8, site)) Slow(p, 8, false, site); }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load16Recover(void* p, int site) { if (Bad(p, 16) && Confirmed(p, 16, site)) Slow(p, 16, false, site); }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LoadNRecover(void* p, int size, int site) { if (size > 0 && Bad(p, (nuint)size) && Confirmed(p, (nuint)size, site)) Slow(p, (nuint)size, false, site); }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store1Recover(void* p, int site) { if (Bad(p, 1) && Confirmed(p, 1, site)) Slow(p, 1, true, site); }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store2Recover(void* p, int site) { if (Bad(p, 2) && Confirmed(p, 2, site)) Slow(p, 2, true, site); }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store4Recover(void* p, int site) { if (Bad(p, 4) && Confirmed(p, 4, site)) Slow(p, 4, true, site); }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store8Recover(void* p, int site) { if (Bad(p, 8) && Confirmed(p, 8, site)) Slow(p, 8, true, site); }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store16Recover(void* p, int site) { if (Bad(p, 16) && Confirmed(p, 16, site)) Slow(p, 16, true, site); }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNRecover(void* p, int size, int site) { if (size > 0 && Bad(p, (nuint)size) && Confirmed(p, (nuint)size, site)) Slow(p, (nuint)size, true, site); }

    /// <summary>
    /// A counted loop's merged check, run once when the loop is entered: are the accesses <c>p[i]</c> of every iteration,
    /// <paramref name="start"/> ≤ i &lt; <paramref name="end"/>, <paramref name="scale"/> bytes apart and <paramref name="size"/>
    /// bytes each, all addressable? True lets the loop skip its per-access checks; false (or a range too large to scan)
    /// leaves them on, and they report the first bad iteration exactly. Never reports by itself.
    /// </summary>
    public static bool LoopRange(void* p, nint start, nint end, nint scale, int size)
    {
        if (end <= start) return true;
        if (start >= 0 && SmallForward((nuint)start, (nuint)end, scale, size)) return SpansSmall((nuint)p, (nuint)start, (nuint)end, scale, size);
        return Spans((nuint)p, (Int128)start * scale, ((Int128)end - start - 1) * scale + size);
    }

    /// <summary><see cref="LoopRange"/> for an unsigned index (<c>nuint i; i &lt; n</c>).</summary>
    public static bool LoopRangeUnsigned(void* p, nuint start, nuint end, nint scale, int size)
    {
        if (end <= start) return true;
        if (SmallForward(start, end, scale, size)) return SpansSmall((nuint)p, start, end, scale, size);
        return Spans((nuint)p, (Int128)start * scale, ((Int128)end - start - 1) * scale + size);
    }

    /// <summary>
    /// <see cref="LoopRange"/> for a loop over <c>array[i]</c>: only elements inside the array can be reached (an index
    /// outside it throws first), so the range is clamped to them. A null array leaves the element checks on.
    /// </summary>
    public static bool ArrayLoopRange(Array? array, nint start, nint end, int elementSize)
    {
        if (array is null) return false;
        nint first = Math.Max(start, 0), last = Math.Min(end, (nint)array.LongLength);
        if (last <= first) return true;
        nuint data = (nuint)Unsafe.AsPointer(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(array));
        return Spans(data, (Int128)first * elementSize, ((Int128)last - first) * elementSize);
    }

    /// <summary>
    /// <see cref="ArrayLoopRange"/> for <c>array[X + i]</c>, X (<paramref name="offset"/>) the same in every iteration. The
    /// program adds in 32 bits; when X + i can leave the int range somewhere in the loop, the index it really uses may
    /// wrap to one inside the array, so the element checks stay on.
    /// </summary>
    public static bool ArrayLoopRangeAt(Array? array, nint start, nint end, nint offset, int elementSize)
    {
        if (end <= start) return true;
        if (offset + start < int.MinValue || offset + end - 1 > int.MaxValue) return false;
        return ArrayLoopRange(array, offset + start, offset + end, elementSize);
    }

    const long LoopRangeLimit = 1L << 32;

    // Loops whose offsets and span fit in 64 bits with room to spare (every loop a kernel runs) take the range in
    // plain 64-bit arithmetic; anything else goes through the 128-bit path, which cannot overflow.
    const nuint SmallLimit = 1u << 31;

    static bool SmallForward(nuint start, nuint end, nint scale, int size) =>
        scale > 0 && (nuint)scale <= SmallLimit && start <= SmallLimit && end <= SmallLimit && size > 0;

    static bool SpansSmall(nuint p, nuint start, nuint end, nint scale, int size)
    {
        nuint first = p + start * (nuint)scale;
        nuint bytes = (end - start - 1) * (nuint)scale + (nuint)size;
        if (first < p || first == 0 || bytes > LoopRangeLimit || first + bytes < first) return false;
        return ShadowMemory.IsShortRangeAddressable(first, bytes);
    }

    static bool Spans(nuint p, Int128 offset, Int128 bytes)
    {
        Int128 first = (Int128)(ulong)p + offset;
        if (bytes <= 0 || bytes > LoopRangeLimit || first <= 0 || first + bytes > ulong.MaxValue) return false;
        return ShadowMemory.FirstBadAddress((nuint)(ulong)first, (nuint)(ulong)bytes) == 0;
    }

    /// <summary>cpblk/initblk: whole ranges, checked out of line.</summary>
    public static void CheckCopyBlock(void* destination, void* source, uint size, int site)
    {
        if (size == 0) return;
        _ = Slow(source, size, false, site);
        _ = Slow(destination, size, true, site);
    }

    public static void CheckInitBlock(void* destination, uint size, int site)
    {
        if (size != 0) _ = Slow(destination, size, true, site);
    }

    /// <summary>
    /// The fast path reads the shadow bytes of the granule holding the first byte and the one after it with a
    /// single load (two bytes for accesses up to 8 bytes, four for 16), which covers every granule the access
    /// can touch. Zero means addressable. Otherwise, in a rarely taken block, ASan's exact test on the first
    /// and the last byte decides (a partial granule k allows offsets below k); the slab and the heap keep at
    /// least two poisoned granules between chunks, so testing the two ends is exact for 16-byte accesses too.
    /// Ranges longer than 16 bytes (struct copies) are checked by <see cref="ShadowMemory.FirstBadAddress"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool Bad(void* p, nuint size)
    {
        nuint first = (nuint)p;
        byte* shadow = (byte*)((first >> 3) + ShadowMemory.Base);
        if (size == 1)
        {
            sbyte s = *(sbyte*)shadow;
            return s != 0 && (sbyte)(first & 7) >= s;
        }
        if (size <= 8 ? *(ushort*)shadow == 0 : size == 16 && *(uint*)shadow == 0) return false;
        return Exact(first, size);
    }

    /// <summary>
    /// A bad access stays bad unless it goes through a GC-tracked reference and meets unpin poison: the reference
    /// follows its object. The flag is in the site, a JIT-time constant, so this folds to true at pointer sites; it is
    /// decided inline and without a call, so the reporter stays a no-return cold path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool Confirmed(void* p, nuint size, int site) => !Sites.IsThroughReference(site) || !TouchesUnpinned((nuint)p, size);

    const sbyte Unpinned = unchecked((sbyte)ShadowCode.Unpinned);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool TouchesUnpinned(nuint first, nuint size) =>
        *(sbyte*)((first >> 3) + ShadowMemory.Base) == Unpinned || *(sbyte*)(((first + size - 1) >> 3) + ShadowMemory.Base) == Unpinned;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool Exact(nuint first, nuint size)
    {
        nuint last = first + size - 1;
        sbyte s1 = *(sbyte*)((first >> 3) + ShadowMemory.Base);
        sbyte s2 = *(sbyte*)((last >> 3) + ShadowMemory.Base);
        return (s1 != 0 && (sbyte)((first & 7) + size - 1) >= s1)
            || (s2 != 0 && (sbyte)(last & 7) >= s2)
            || (size > 16 && ShadowMemory.FirstBadAddress(first, size) != 0);
    }

    /// <summary>Reports and halts; has no return path, which the JIT sees and keeps off the hot path.</summary>
    // Deliberately inlinable: inlined, its body ends in `throw`, which makes the JIT treat the block as cold. A
    // conditional throw (returning when the alarm was false) measured 20-25% slower on pointer kernels: the JIT then
    // keeps the loop's values alive across the call. The one false alarm left, unpin poison gone stale because the
    // GC moved the object moments ago, stops the process with CannotContinue's explanation; `sharpsan run`
    // instruments with recovering checks whenever halt_on_error=0, where it is simply forgiven.
    static void ReportLoad(void* p, nuint size, int site)
    {
        Slow(p, size, false, site);
        throw SanitizerRuntime.CannotContinue();
    }

    static void ReportStore(void* p, nuint size, int site)
    {
        Slow(p, size, true, site);
        throw SanitizerRuntime.CannotContinue();
    }

    const string SlowSite = "AddressChecks.Slow";

    /// <summary>True when an error was reported. An internal error here leaves the access unchecked (the inline fast path never throws).</summary>
    [MethodImpl(MethodImplOptions.NoInlining), System.Diagnostics.StackTraceHidden]
    static bool Slow(void* p, nuint size, bool isWrite, int site)
    {
        _ = Common.InternalErrors.TakeContainedOnThisThread();   // from here on, one means this access (CannotContinue says so)
        try
        {
            Common.InternalErrors.Inject(SlowSite);
            nuint bad = AddressSanitizer.FirstBadAddress((nuint)p, size, Sites.IsThroughReference(site));
            if (bad == 0) return false;   // partial granule, but the bytes touched are addressable; or stale unpin poison
            AddressSanitizer.ReportAccess((nuint)p, size, isWrite, bad, AddressSanitizer.CaptureForReport(-1, Sites.Offset(site)));
            return true;
        }
        catch (Exception e) when (Common.InternalErrors.Contain(SlowSite, e))
        {
            return false;
        }
    }
}
