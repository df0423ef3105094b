using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Memory;

/// <summary>
/// MemorySanitizer's bookkeeping shared by its interceptors and checks: origin stacks, poisoning of fresh and freed
/// blocks, and the report of an undefined value's use.
/// </summary>
public static unsafe class MemorySanitizer
{
    /// <summary>
    /// Freed blocks are poisoned (MSan's poison_in_free) up to this size. Larger blocks come from mmap and go back to the
    /// kernel on free, so their range may next hold memory SharpSan does not see written (the GC heap).
    /// </summary>
    const nuint PoisonInFreeLimit = 128 << 10;

    static readonly int s_contextDepth = Math.Clamp(SanitizerRuntime.Options.MallocContextSize, 1, 256);

    /// <summary>Depot id of the current stack under a synthetic API frame (Rent, Alloc, …) when given.</summary>
    public static int CaptureStackId(int apiFrame, int innermostSite = -1)
    {
        Span<long> frames = stackalloc long[s_contextDepth];
        int n = 0;
        if (apiFrame >= 0) frames[n++] = StackFrame.Pack(StackFrame.SyntheticKey, apiFrame);
        n += ShadowStack.Capture(frames[n..], innermostSite);
        return StackDepot.Put(frames[..n]);
    }

    /// <summary>A fresh block from an allocator that does not initialise: undefined, its origin the allocating stack.</summary>
    public static void PoisonAllocation(void* block, nuint size, int apiFrame)
    {
        if (block == null || size == 0) return;
        DefinednessShadow.Poison((nuint)block, size, Origins.New(OriginKind.HeapAllocation, CaptureStackId(apiFrame)));
    }

    /// <summary>Before a block goes back to the allocator: its bytes are undefined for whoever reads them later.</summary>
    public static void PoisonFreed(void* block, int apiFrame) => PoisonFreed(block, apiFrame, UsableSize(block));

    /// <summary>As above, for a block whose usable size was read before it went back (a realloc that moved it).</summary>
    public static void PoisonFreed(void* block, int apiFrame, nuint size)
    {
        if (block == null) return;
        if (size == 0) return;
        if (size > PoisonInFreeLimit)
        {
            DefinednessShadow.Unpoison((nuint)block, size);
            return;
        }
        DefinednessShadow.Poison((nuint)block, size, Origins.New(OriginKind.HeapDeallocation, CaptureStackId(apiFrame)));
    }

    /// <summary>Usable size of a live malloc block (≥ the requested size); 0 for null.</summary>
    public static nuint UsableSize(void* block) => block == null ? 0 : s_mallocUsableSize(block);

    /// <summary>
    /// malloc_usable_size as the process's global scope resolves it, not libc's own definition: under `--native address`
    /// the preloaded ASan runtime owns malloc, and glibc's function read an ASan chunk's header as its own (a crash, or
    /// a wrong kept size in Realloc and with it a false report).
    /// </summary>
    static readonly delegate* unmanaged<void*, nuint> s_mallocUsableSize =
        (delegate* unmanaged<void*, nuint>)NativeLibrary.GetExport(NativeLibrary.GetMainProgramHandle(), "malloc_usable_size");

    /// <summary>Reports the use of an undefined value at the instrumented site; <paramref name="use"/> says how it was used, if not by a branch.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ReportUse(int origin, int site, string? use)
    {
        long[] stack;
        try
        {
            Common.InternalErrors.Inject(ReportSite);
            stack = CaptureForReport(-1, Address.Sites.Offset(site));
        }
        catch (Exception e) when (Common.InternalErrors.Contain(ReportSite, e))
        {
            return;
        }
        SanitizerRuntime.Report(new UninitializedValueReport(stack, origin, use));
    }

    /// <summary>Reports undefined bytes handed to a consumer (a P/Invoke, a Stream write): the API frame on top.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ReportConsumed(int origin, int apiFrame, long offset, nuint length)
    {
        long[] stack;
        try
        {
            Common.InternalErrors.Inject(ReportSite);
            stack = CaptureForReport(apiFrame, -1);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(ReportSite, e))
        {
            return;
        }
        SanitizerRuntime.Report(new UninitializedValueReport(stack, origin, $"Uninitialized bytes in {SyntheticFrames.Name(apiFrame)} at offset {offset} inside [0, {length})"));
    }

    const string ReportSite = "MemorySanitizer.Report";

    static long[] CaptureForReport(int apiFrame, int innermostSite)
    {
        Span<long> frames = stackalloc long[257];
        int n = 0;
        if (apiFrame >= 0) frames[n++] = StackFrame.Pack(StackFrame.SyntheticKey, apiFrame);
        n += ShadowStack.Capture(frames[n..], innermostSite);
        return frames[..n].ToArray();
    }

    /// <summary>Checks a range handed to code that reads it (a consumer); reports its first undefined byte.</summary>
    public static void CheckConsumed(void* data, nuint length, int apiFrame)
    {
        if (data == null || length == 0) return;
        long at = DefinednessShadow.FirstUndefined((nuint)data, length, out int origin);
        if (at >= 0) ReportConsumed(origin, apiFrame, at, length);
    }
}
