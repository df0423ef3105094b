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
        if (options.DetectLeaks) SanitizerRuntime.BeforeExit += () => LeakChecker.Run(heap);
        return heap;
    }

    static readonly int s_contextDepth = Math.Clamp(SanitizerRuntime.Options.MallocContextSize, 1, 256);

    /// <summary>Depot id of the current stack with <paramref name="apiFrame"/> (a synthetic BCL frame) on top.</summary>
    public static int CaptureStackId(int apiFrame)
    {
        int depth = s_contextDepth;
        Span<long> frames = stackalloc long[depth];
        frames[0] = StackFrame.Pack(StackFrame.SyntheticKey, apiFrame);
        int n = 1 + ShadowStack.Capture(frames[1..]);
        return StackDepot.Put(frames[..n]);
    }

    /// <summary>Depot id of the current stack, its innermost frame at IL offset <paramref name="site"/> (an event in checked code, not an API call).</summary>
    public static int CaptureStackIdAt(int site)
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

    public static void* Allocate(ulong size, nuint alignment, AllocationFamily family, bool zero, int apiFrame) =>
        Heap.Allocate(size, alignment, family, zero, CaptureStackId(apiFrame));

    public static void Free(void* p, AllocationFamily family, int apiFrame)
    {
        if (p == null) return;
        int stack = CaptureStackId(apiFrame);
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
        nuint bad = FirstBadAddress((nuint)p, size, throughReference);
        if (bad != 0) ReportAccess((nuint)p, size, isWrite, bad, CaptureForReport(apiFrame, -1));
    }

    /// <summary>
    /// The first byte of the access that is really bad. Poison of an unpinned object is re-verified first: it may
    /// be stale (the object moved) or not apply (the access goes through a GC-tracked reference).
    /// </summary>
    internal static nuint FirstBadAddress(nuint address, nuint size, bool throughReference)
    {
        nuint bad = ShadowMemory.FirstBadAddress(address, size);
        return bad != 0 && ShadowMemory.Read(bad) == unchecked((sbyte)ShadowCode.Unpinned)
            ? Pins.PinRecords.Reconsider(address, size, bad, throughReference)
            : bad;
    }

    [System.Diagnostics.StackTraceHidden]
    internal static void ReportAccess(nuint address, nuint size, bool isWrite, nuint firstBad, long[] stack) =>
        SanitizerRuntime.Report(new AccessError(address, size, isWrite, firstBad, stack));
}
