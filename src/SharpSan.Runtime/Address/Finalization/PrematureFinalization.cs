using System.Diagnostics;
using SharpSan.Runtime.Address.Allocator;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Address.Finalization;

/// <summary>
/// Called for every free of a chunk of ours: when the freeing thread is running a finalizer (or a ReleaseHandle that a
/// finalizer called) and a method of that same object is still running on another thread, the object was finalized
/// while in use — the missing <c>GC.KeepAlive(this)</c> — and the method may go on to touch the memory freed here.
/// </summary>
internal static unsafe class PrematureFinalization
{
    const string Site = "PrematureFinalization.CheckFree";

    /// <summary>Before the chunk at <paramref name="p"/> is freed with the stack <paramref name="freeStack"/> (a depot id).</summary>
    public static void CheckFree(void* p, int freeStack)
    {
        if (ActiveInstanceMethods.Current is not { Releasing: > 0 } self) return;
        try
        {
            Common.InternalErrors.Inject(Site);
            CheckReleasing(self, (nuint)p, freeStack);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e))
        {
            // Not checked; the free goes on.
        }
    }

    static void CheckReleasing(ThreadActiveMethods self, nuint p, int freeStack)
    {
        if (!self.TryGetInnermostRelease(out var released)) return;
        if (!HeapAllocator.TryGetChunk(p, out var chunk) || chunk.State != ChunkState.Allocated) return;   // other reports handle it
        foreach (var thread in ActiveInstanceMethods.Threads)
        {
            if (thread == self || !thread.TryFindLiveMethodOf(released, out var active)) continue;
            // ReleaseHandle also runs from Dispose: only the finalizer's call is a premature finalization.
            if (released.Kind == ActiveMethodKind.Release && !IsFinalizing()) return;
            bool stopped = thread.StressFrame == active.Site;
            var activeStack = ForeignFrames.StackFrom(active, stopped ? thread.StressSite : -1, SanitizerRuntime.Options.MallocContextSize);
            SanitizerRuntime.Report(new PrematureFinalizationError(p, StackDepot.Get(freeStack), released, active, activeStack, thread.Tid));
            return;
        }
    }

    /// <summary>A finalizer is on this thread's real stack (SafeHandle's finalizer calls ReleaseHandle through Dispose(false)). Report path only: it walks the stack.</summary>
    static bool IsFinalizing() =>
        new StackTrace(false).GetFrames().Any(f => f.GetMethod() is { Name: "Finalize", IsStatic: false } m && m.GetParameters().Length == 0);
}
