using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Address.Errors;
using SharpSan.Runtime.Address.Leaks;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Address;

/// <summary>
/// The AddressSanitizer runtime as the interceptors see it: one allocator, stack capture, range checks and
/// the reports that follow from them.
/// </summary>
public static unsafe class AddressSanitizer
{
    public static readonly HeapAllocator Heap = CreateHeap();

    static HeapAllocator CreateHeap()
    {
        var options = SanitizerRuntime.Options;
        var heap = new HeapAllocator(options);
        if (options.DetectLeaks) SanitizerRuntime.BeforeExit += () =>
        {
            // An internal error that left a freed chunk allocated in our books (or missed roots) would be reported as a leak.
            if (!Common.InternalErrors.HasLost(Common.LostTracking.Leaks)) LeakChecker.Run(heap);
        };
        return heap;
    }

    static readonly int s_contextDepth = Math.Clamp(SanitizerRuntime.Options.MallocContextSize, 1, 256);

    /// <summary>
    /// Depot id of the current stack with <paramref name="apiFrame"/> (a synthetic BCL frame) on top; its caller at IL
    /// offset <paramref name="callerSite"/> when given (a call the rewriter inserted, so the shadow stack lacks its site).
    /// </summary>
    public static int CaptureStackId(int apiFrame, int callerSite = -1)
    {
        ref int cached = ref ActivationStackCache.Current.Slot(apiFrame, callerSite);
        return cached != 0 ? cached : cached = CaptureStackIdUncached(apiFrame, callerSite);
    }

    static int CaptureStackIdUncached(int apiFrame, int callerSite)
    {
        int depth = s_contextDepth;
        Span<long> frames = stackalloc long[depth];
        frames[0] = StackFrame.Pack(StackFrame.SyntheticKey, apiFrame);
        int n = 1 + ShadowStack.Capture(frames[1..], callerSite);
        return StackDepot.Put(frames[..n]);
    }

    /// <summary>
    /// Depot id of the current stack, its innermost frame at IL offset <paramref name="site"/> (an event in checked code,
    /// not an API call), through the calling thread's <paramref name="cache"/>.
    /// </summary>
    public static int CaptureStackIdAt(int site, ActivationStackCache cache)
    {
        ref int cached = ref cache.Slot(-1, site);
        return cached != 0 ? cached : cached = CaptureStackIdAtUncached(site);
    }

    static int CaptureStackIdAtUncached(int site)
    {
        Span<long> frames = stackalloc long[s_contextDepth];
        return StackDepot.Put(frames[..ShadowStack.Capture(frames, site)]);
    }

    /// <summary>A full stack for a report: optional synthetic API frame, then the instrumented frames.</summary>
    public static long[] CaptureForReport(int apiFrame, int innermostSite)
    {
        Span<long> frames = stackalloc long[257];
        int n = 0;
        if (apiFrame >= 0) frames[n++] = StackFrame.Pack(StackFrame.SyntheticKey, apiFrame);
        n += ShadowStack.Capture(frames[n..], apiFrame >= 0 ? -1 : innermostSite);
        return frames[..n].ToArray();
    }

    const string AllocateSite = "AddressSanitizer.Allocate", FreeSite = "AddressSanitizer.Free", CheckRangeSite = "AddressSanitizer.CheckRange";

    /// <summary>
    /// A block from the redzone allocator; after an internal error, from the real allocator (which then also decides
    /// whether the request fails): a later Free finds it foreign and hands it back to the real deallocator.
    /// </summary>
    public static void* Allocate(ulong size, nuint alignment, AllocationFamily family, bool zero, int apiFrame)
    {
        try
        {
            Common.InternalErrors.Inject(AllocateSite);
            return Heap.Allocate(size, alignment, family, zero, CaptureStackId(apiFrame));
        }
        catch (OutOfMemoryException)
        {
            return Interceptors.RealAllocator.Allocate(size, alignment, family, zero);   // the real allocator says whether it is out of memory too
        }
        catch (Exception e) when (Common.InternalErrors.Contain(AllocateSite, e))
        {
            return Interceptors.RealAllocator.Allocate(size, alignment, family, zero);
        }
    }

    /// <summary>
    /// Frees through the checks; after an internal error, memory SharpSan did not allocate still goes to the real
    /// deallocator, and a chunk of ours is left where it is (a leak in our books, so leak reports stop) — never handed
    /// to a deallocator that does not own it.
    /// </summary>
    public static void Free(void* p, AllocationFamily family, int apiFrame)
    {
        if (p == null) return;
        try
        {
            Common.InternalErrors.Inject(FreeSite);
            FreeChecked(p, family, apiFrame);
        }
        catch (Exception e) when (Common.InternalErrors.IsInternal(e))
        {
            bool foreign = IsForeignOrUnknown(p);
            Common.InternalErrors.Record(FreeSite, e, foreign ? Common.LostTracking.Nothing : Common.LostTracking.Leaks);
            if (foreign) Interceptors.RealAllocator.Free(p, family);
        }
    }

    /// <summary>For a fallback: true only when no chunk of ours holds <paramref name="p"/> (false if even that cannot be told).</summary>
    internal static bool IsForeignOrUnknown(void* p)
    {
        try { return IsForeign(p); }
        catch (Exception) { return false; }
    }

    static void FreeChecked(void* p, AllocationFamily family, int apiFrame)
    {
        int stack = CaptureStackId(apiFrame);
        Finalization.PrematureFinalization.CheckFree(p, stack);
        var outcome = Heap.Free(p, family, stack, out var chunk);
        switch (outcome)
        {
            case FreeOutcome.Freed:
                return;
            case FreeOutcome.Mismatch:
                SanitizerRuntime.Report(new AllocDeallocMismatchError((nuint)p, StackDepot.Get(stack), chunk.Family, family));
                if (Heap.FreeUnchecked(chunk, stack) == FreeOutcome.DoubleFree)
                    SanitizerRuntime.Report(new DoubleFreeError((nuint)p, StackDepot.Get(stack)));
                return;
            case FreeOutcome.DoubleFree:
                SanitizerRuntime.Report(new DoubleFreeError((nuint)p, StackDepot.Get(stack)));
                return;
            case FreeOutcome.Interior:
                SanitizerRuntime.Report(new BadFreeError((nuint)p, StackDepot.Get(stack), ""));
                return;
            case FreeOutcome.NotOurs:
                FreeForeign(p, family, stack);
                return;
        }
    }

    /// <summary>
    /// Memory SharpSan did not allocate: framework code may allocate with AllocHGlobal and let the user free it,
    /// so such pointers go to the real deallocator — unless they cannot have come from any allocator at all
    /// (misaligned, or on this thread's stack), which is a bad-free.
    /// </summary>
    static void FreeForeign(void* p, AllocationFamily family, int stack)
    {
        string? where = Stack.StackBufferDescription.Find((nuint)p) is not null ? ""   // described as a stack address
            : (nuint)p % 16 != 0 ? "at a misaligned address no allocator returns"
            : IsOnCurrentStack(p) ? "on the stack of the freeing thread"
            : null;
        if (where is not null)
        {
            SanitizerRuntime.Report(new BadFreeError((nuint)p, StackDepot.Get(stack), where));
            return;
        }
        Interceptors.RealAllocator.Free(p, family);
    }

    /// <summary>True for memory no SharpSan chunk contains (allocated by uninstrumented code).</summary>
    public static bool IsForeign(void* p) => !HeapAllocator.TryGetChunk((nuint)p, out _) && !HeapAllocator.IsInsideSomeChunk((nuint)p, out _);

    static bool IsOnCurrentStack(void* p)
    {
        byte here;
        nuint sp = (nuint)(&here);
        // Thread stacks are at most a few MiB below the current frame and the caller frames above it.
        return (nuint)p >= sp - (64 << 10) && (nuint)p < sp + (8u << 20);
    }

    /// <summary>Checks an access made on the user's behalf by an intercepted BCL API.</summary>
    /// <param name="throughReference">The API took a <c>ref</c> (GC-tracked), not a pointer: see <see cref="FirstBadAddress"/>.</param>
    public static void CheckRange(void* p, nuint size, bool isWrite, int apiFrame, bool throughReference = false)
    {
        if (size == 0 || ShadowMemory.AllGranulesClean((nuint)p, size)) return;
        try
        {
            Common.InternalErrors.Inject(CheckRangeSite);
            nuint bad = FirstBadAddress((nuint)p, size, throughReference);
            if (bad != 0) ReportAccess((nuint)p, size, isWrite, bad, CaptureForReport(apiFrame, -1));
        }
        catch (Exception e) when (Common.InternalErrors.Contain(CheckRangeSite, e))
        {
            // The intercepted API runs unchecked.
        }
    }

    /// <summary>
    /// The first byte of the access that is really bad. Poison of an unpinned object is re-verified first: it may
    /// be stale (the object moved) or not apply (the access goes through a GC-tracked reference).
    /// </summary>
    internal static nuint FirstBadAddress(nuint address, nuint size, bool throughReference)
    {
        nuint bad = ShadowMemory.FirstBadAddress(address, size);
        if (bad == 0 || ShadowMemory.Read(bad) != unchecked((sbyte)ShadowCode.Unpinned)) return bad;
        // After an internal error in pin tracking, unpin poison may be wrong: it is no longer trusted.
        return Common.InternalErrors.HasLost(Common.LostTracking.Pins) ? 0 : Pins.PinRecords.Reconsider(address, size, bad, throughReference);
    }

    [System.Diagnostics.StackTraceHidden]
    internal static void ReportAccess(nuint address, nuint size, bool isWrite, nuint firstBad, long[] stack) =>
        SanitizerRuntime.Report(new AccessError(address, size, isWrite, firstBad, stack));
}
