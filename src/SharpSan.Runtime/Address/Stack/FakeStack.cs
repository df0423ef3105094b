using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Threads;

namespace SharpSan.Runtime.Address.Stack;

/// <summary>
/// ASan's fake stack for <c>stackalloc</c>: instrumented code gets each buffer from here instead of the thread
/// stack, with poisoned redzones on both sides (stack-buffer-underflow/overflow). When the owning frame returns,
/// the buffer is poisoned as "stack after return" and kept in a per-thread FIFO for a while, so a pointer that
/// escaped the method is caught as stack-use-after-return; leaving the FIFO, it is unpoisoned and freed.
/// Buffers of frames unwound by an exception are released lazily, by the next allocation or return on the thread.
/// Buffers come from a per-thread ring (<see cref="FakeStackRing"/>): a returned one stays poisoned there until the
/// ring comes round, with no FIFO, malloc or free per call. Large buffers, and those the ring has no room for, go
/// through malloc and the FIFO; blocks leaving the FIFO go back to a small per-thread cache of size classes
/// (<see cref="BlockCache"/>). The ring and the live buffers are native state (<see cref="FakeStackThread"/>) that
/// Alloc and Release reach through the frame's shadow-stack block: a call of a stackalloc method costs no
/// thread-static lookup and no exception handler unless it leaves the ring (or faults are injected).
/// </summary>
public static unsafe class FakeStack
{
    public const int Redzone = 32;
    const int RetiredLimit = 256;
    const long RetiredBytesLimit = 8 << 20;

    [ThreadStatic] static ThreadState? t_state;

    const string AllocSite = "FakeStack.Alloc", ReleaseSite = "FakeStack.Release";

    /// <summary>
    /// Replaces <c>localloc</c>. <paramref name="frame"/> is the caller's shadow-stack frame (owner of the buffer).
    /// After an internal error the buffer is a plain, unchecked block, freed when its frame returns.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void* Alloc(nuint size, int* frame, int ilOffset, bool zero)
    {
        // The hot path: a ring buffer, the thread's state found through its shadow-stack block. Fault injection takes
        // the contained path below every time.
        var thread = frame == null ? null : (FakeStackThread*)*ShadowStack.DataSlot(frame);
        if (thread != null && !Common.InternalErrors.Injecting)
        {
            byte* user = thread->TryAllocInRing(size, frame, ilOffset, zero);
            if (user != null) return user;
        }
        return AllocSlow(size, frame, ilOffset, zero);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void* AllocSlow(nuint size, int* frame, int ilOffset, bool zero)
    {
        try
        {
            Common.InternalErrors.Inject(AllocSite);
            return AllocChecked(size, frame, ilOffset, zero);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(AllocSite, e))
        {
            return UncheckedBuffers.Alloc(size, frame, zero);
        }
    }

    static void* AllocChecked(nuint size, int* frame, int ilOffset, bool zero)
    {
        var state = t_state ??= new ThreadState();
        if (frame != null && ShadowStack.IsOwnBlock(frame)) *ShadowStack.DataSlot(frame) = (nint)state.Native;
        state.ReleaseAbove(frame);
        var native = state.Native;
        native->Live.EnsureRoom();   // grows it here, inside the contained path
        byte* user = native->TryAllocInRing(size, frame, ilOffset, zero);
        if (user != null) return user;
        nuint rounded = (size + 7) & ~(nuint)7;
        nuint total = Redzone + rounded + Redzone;
        nuint capacity = state.Blocks.Take(total, out byte* raw);   // the slack past total stays clear, as past a malloc block
        return native->Place(raw, total, capacity, size, rounded, frame, ilOffset, zero);
    }

    /// <summary>Called before the owning method returns: its buffers (and any left by deeper, unwound frames) retire.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Release(int* frame)
    {
        var thread = frame == null ? null : (FakeStackThread*)*ShadowStack.DataSlot(frame);
        if (thread != null && !UncheckedBuffers.AnyHandedOut && !Common.InternalErrors.Injecting && thread->TryReleaseInRing(frame)) return;
        ReleaseSlow(frame);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void ReleaseSlow(int* frame)
    {
        if (UncheckedBuffers.AnyHandedOut) UncheckedBuffers.Release(frame);   // skips a thread-static lookup on every return
        var state = t_state;
        if (state is null) return;
        try
        {
            Common.InternalErrors.Inject(ReleaseSite);
            var live = &state.Native->Live;
            while (live->Count > 0 && live->Top.IsOwnedFrom(frame)) state.Retire(live->Pop());
        }
        catch (Exception e) when (Common.InternalErrors.Contain(ReleaseSite, e))
        {
            // The buffers stay live (addressable) until a later release or the thread's end.
        }
    }

    /// <summary>Buffers handed out after an internal error: plain native blocks, owned by a frame like the checked ones.</summary>
    static class UncheckedBuffers
    {
        [ThreadStatic] static Stack<(nint Block, nint Owner)>? t_blocks;

        /// <summary>Set (for good) once any thread got an unchecked block.</summary>
        public static bool AnyHandedOut { get; private set; }

        public static void* Alloc(nuint size, int* frame, bool zero)
        {
            AnyHandedOut = true;
            void* block = zero ? NativeMemory.AllocZeroed(Math.Max(size, 1)) : NativeMemory.Alloc(Math.Max(size, 1));
            (t_blocks ??= new()).Push(((nint)block, (nint)frame));
            return block;
        }

        public static void Release(int* frame)
        {
            var blocks = t_blocks;
            if (blocks is null) return;
            while (blocks.Count > 0 && blocks.Peek().Owner >= (nint)frame) NativeMemory.Free((void*)blocks.Pop().Block);
        }
    }

    /// <summary>The live stackalloc buffer of this thread whose bytes contain <paramref name="address"/>: (user start, size, header).</summary>
    internal static (nuint Begin, nuint Size, nuint Header)? LiveContaining(nuint address)
    {
        var state = t_state;
        if (state is null) return null;
        for (int i = 0; i < state.Native->Live.Count; i++)
        {
            var buffer = state.Native->Live.FromTop(i);
            nuint begin = (nuint)(buffer.Raw + Redzone), size = (nuint)((StackBufferHeader*)buffer.Raw)->Size;
            if (address - begin < size) return (begin, size, (nuint)buffer.Raw);
        }
        return null;
    }

    /// <summary>The slow path's share of a thread's fake stack: malloc'd buffers, the after-return FIFO and spare blocks; owns <see cref="Native"/>.</summary>
    sealed class ThreadState
    {
        public readonly FakeStackThread* Native = Create();
        public readonly BlockCache Blocks = new();
        readonly Queue<FakeStackBuffer> _retired = new();
        long _retiredBytes;

        static FakeStackThread* Create()
        {
            var native = (FakeStackThread*)NativeMemory.AllocZeroed((nuint)sizeof(FakeStackThread));
            native->Ring = FakeStackRing.Create();
            native->ThreadId = ThreadRegistry.CurrentId;
            return native;
        }

        /// <summary>Frames deeper than the current one are gone (an exception unwound them): retire their buffers.</summary>
        public void ReleaseAbove(int* frame)
        {
            var live = &Native->Live;
            while (live->Count > 0 && live->Top.Owner > frame) Retire(live->Pop());
        }

        public void Retire(FakeStackBuffer buffer)
        {
            FakeStackShadow.MarkReturned(buffer.Raw + Redzone, buffer.Rounded);
            if (Native->Ring.Contains(buffer.Raw))
            {
                Native->Ring.Return();   // stays poisoned in the ring until the ring comes round to it
                return;
            }
            _retired.Enqueue(buffer);
            _retiredBytes += (long)buffer.Total;
            while (_retired.Count > RetiredLimit || _retiredBytes > RetiredBytesLimit) Free(_retired.Dequeue());
        }

        void Free(FakeStackBuffer buffer)
        {
            _retiredBytes -= (long)buffer.Total;
            ((StackBufferHeader*)buffer.Raw)->MagicValue = 0;
            ShadowMemory.Clear((nuint)buffer.Raw, buffer.Total);
            Blocks.Give(buffer.Raw, buffer.Total);
        }

        ~ThreadState()
        {
            // The thread is gone; nothing can use its frames any more (its shadow-stack block still points at Native
            // until another thread takes the block, which clears that pointer).
            while (_retired.Count > 0) Free(_retired.Dequeue());
            var live = &Native->Live;
            while (live->Count > 0)
            {
                var b = live->Pop();
                if (Native->Ring.Contains(b.Raw)) continue;
                _retiredBytes += (long)b.Total;
                Free(b);
            }
            Blocks.Dispose();
            Native->Ring.Dispose();
            live->Dispose();
            NativeMemory.Free(Native);
        }
    }
}
