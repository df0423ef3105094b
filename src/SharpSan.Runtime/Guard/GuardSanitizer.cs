using System.Runtime.CompilerServices;
using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Address.Interceptors;
using SharpSan.Runtime.Guard.Errors;

namespace SharpSan.Runtime.Guard;

/// <summary>
/// Guard mode as its interceptors see it: a sampled allocation goes to the guarded pool (GWP-ASan), every other one to
/// the hardened allocator (Scudo's header checks); a free finds which of the two owns the pointer. Nothing here runs on
/// a memory access. Every entry point contains SharpSan's own failures and falls back to the real allocator.
/// </summary>
internal static unsafe class GuardSanitizer
{
    public static readonly GuardOptions Options = new(SanitizerRuntime.Options);
    static readonly HardenedAllocator s_heap = new(Options);

    const string AllocateSite = "GuardSanitizer.Allocate", FreeSite = "GuardSanitizer.Free", ReallocSite = "GuardSanitizer.Realloc";

    // The entry points are never inlined into the program: Free's try/catch, inlined into hashmap's loop, made the JIT
    // keep that loop's locals in memory (seen in its disassembly; the CPU time it cost was within this machine's noise).
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void* Allocate(ulong size, nuint alignment, AllocationFamily family, bool zero, string apiFrame)
    {
        // Under a test runner, a guarded access this test made earlier fails it here (see FaultMonitor).
        Common.Testing.TestAttribution.ThrowPendingFailureOnRealStack();
        try
        {
            Common.InternalErrors.Inject(AllocateSite);
            if (GuardedPool.ShouldSample() && GuardedPool.ForSample() is { } pool)
            {
                void* guarded = pool.TryAllocate(size, alignment, family, apiFrame);
                if (guarded != null) return guarded;
            }
            return s_heap.Allocate(size, alignment, family, zero);
        }
        catch (OutOfMemoryException)
        {
            return RealAllocator.Allocate(size, alignment, family, zero);   // the real allocator says whether it is out of memory too
        }
        catch (Exception e) when (Common.InternalErrors.Contain(AllocateSite, e))
        {
            return RealAllocator.Allocate(size, alignment, family, zero);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Free(void* p, AllocationFamily family, string apiFrame)
    {
        if (p == null) return;
        Common.Testing.TestAttribution.ThrowPendingFailureOnRealStack();
        try
        {
            Common.InternalErrors.Inject(FreeSite);
            FreeChecked(p, family, apiFrame);
        }
        catch (Exception e) when (Common.InternalErrors.IsInternal(e))
        {
            // Ours or not is unknown now: leaving the block where it is can only leak, never corrupt the real heap.
            Common.InternalErrors.Record(FreeSite, e);
        }
    }

    static void FreeChecked(void* p, AllocationFamily family, string apiFrame)
    {
        if (GuardedPool.Instance is { } pool && pool.Owns(p))
        {
            pool.Free(p, family, apiFrame);
            return;
        }
        switch (s_heap.Free(p, family, out var header))
        {
            case HardenedFree.Freed:
                return;
            case HardenedFree.Foreign:
                // Framework code may allocate with the real allocator and let the program free it.
                RealAllocator.Free(p, family);
                return;
            case HardenedFree.DoubleFree:
                Report(HeaderFreeError.DoubleFree((nuint)p, Stack(apiFrame), header));
                return;
            case HardenedFree.Mismatch:
                Report(HeaderFreeError.Mismatch((nuint)p, Stack(apiFrame), header, family));
                s_heap.FreeAsAllocated(p, header.Family);
                return;
            case HardenedFree.CorruptedHeader:
                Report(HeaderFreeError.BadFree((nuint)p, Stack(apiFrame),
                    "in a block whose chunk header is corrupted: the bytes just before it were overwritten, by an overflow from the memory below or a write through a stale pointer"));
                return;
            case HardenedFree.Interior:
                Report(HeaderFreeError.BadFree((nuint)p, Stack(apiFrame), $"inside of a {header.UserSize}-byte region, not at its start"));
                return;
            case HardenedFree.Misaligned:
                Report(HeaderFreeError.BadFree((nuint)p, Stack(apiFrame), "at a misaligned address no allocator returns"));
                return;
            case HardenedFree.NotABlock:
                Report(HeaderFreeError.BadFree((nuint)p, Stack(apiFrame), "in guard mode's heap but at the start of no block"));
                return;
            case HardenedFree.OnStack:
                Report(HeaderFreeError.BadFree((nuint)p, Stack(apiFrame), "on the stack of the freeing thread"));
                return;
        }
    }

    /// <summary>Realloc as Scudo does it for a checked block: a new block, the bytes copied, the old one freed through the checks.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void* Realloc(void* old, ulong size, nuint alignment, AllocationFamily family, string apiFrame)
    {
        if (old == null) return Allocate(size, alignment, family, false, apiFrame);
        ulong copy;
        try
        {
            Common.InternalErrors.Inject(ReallocSite);
            if (GuardedPool.Instance is { } pool && pool.Owns(old)) copy = pool.LiveSize(old);
            else if (s_heap.TryGetLiveSize(old, out ulong live)) copy = live;
            else return RealAllocator.Realloc(old, size, alignment, family);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(ReallocSite, e))
        {
            return RealAllocator.Allocate(size, alignment, family, false);   // the old block stays where it is: a leak at worst
        }
        void* fresh = Allocate(size, alignment, family, false, apiFrame);
        if (fresh == null) return null;
        copy = Math.Min(copy, size);
        if (copy > 0) Buffer.MemoryCopy(old, fresh, size, copy);
        Free(old, family, apiFrame);
        return fresh;
    }

    internal static Common.Symbolization.SymbolizedFrame[] Stack(string apiFrame) => ManagedStacks.Capture(apiFrame, Options.ContextSize);

    internal static CapturedStack LazyStack(string apiFrame) => ManagedStacks.CaptureLazily(apiFrame, Options.ContextSize);

    /// <summary>
    /// A finding at a free, on the freeing thread: guard mode keeps no shadow stack, so the test is looked up on the real
    /// stack (a stack walk, on the report path only) and the finding fails it here, as address mode's does.
    /// </summary>
    [System.Diagnostics.StackTraceHidden]
    internal static void Report(Common.Reporting.ErrorReport error)
    {
        string? test = null;
        try
        {
            Common.InternalErrors.Inject(ReportSite);
            if (Common.Testing.TestAttribution.Enabled) test = Common.Testing.TestFrames.OutermostTestOnRealStack();
        }
        catch (Exception e) when (Common.InternalErrors.Contain(ReportSite, e))
        {
            // Reported outside tests.
        }
        string? previous = Common.Testing.TestAttribution.TestOnRealStack;
        Common.Testing.TestAttribution.TestOnRealStack = test ?? previous;
        try
        {
            SanitizerRuntime.Report(error);
        }
        finally
        {
            Common.Testing.TestAttribution.TestOnRealStack = previous;
        }
    }

    const string ReportSite = "GuardSanitizer.Report";
}
