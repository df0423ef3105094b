using System.Runtime.InteropServices;
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
/// (<see cref="BlockCache"/>).
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
    public static void* Alloc(nuint size, int* frame, int ilOffset, bool zero)
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
        state.ReleaseAbove(frame);
        nuint rounded = (size + 7) & ~(nuint)7;
        nuint total = Redzone + rounded + Redzone;
        nuint capacity;
        nuint ringBytes = (total + FakeStackRing.Alignment - 1) & ~(FakeStackRing.Alignment - 1);
        byte* raw = state.Ring.TryTake(ringBytes);
        if (raw != null) capacity = total = ringBytes;   // the right redzone takes the slack: the ring's next block follows
        else capacity = state.Blocks.Take(total, out raw);   // the slack past total stays clear, as past a malloc block
        *(StackBufferHeader*)raw = new StackBufferHeader
        {
            MagicValue = StackBufferHeader.Magic,
            FrameKey = frame != null ? frame[-1] : 0,
            IlOffset = ilOffset,
            Thread = state.ThreadId,
            Size = size,
        };
        byte* user = raw + Redzone;
        ShadowMemory.Poison((nuint)raw, Redzone, ShadowCode.StackLeftRedzone);
        ShadowMemory.Unpoison((nuint)user, size);
        nuint tail = ((nuint)user + size + 7) & ~(nuint)7;
        ShadowMemory.Poison(tail, (nuint)(raw + total) - tail, ShadowCode.StackRightRedzone);
        if (zero) NativeMemory.Clear(user, size);
        state.Live.Push(new Buffer(raw, capacity, rounded, frame));
        return user;
    }

    /// <summary>Called before the owning method returns: its buffers (and any left by deeper, unwound frames) retire.</summary>
    public static void Release(int* frame)
    {
        if (UncheckedBuffers.AnyHandedOut) UncheckedBuffers.Release(frame);   // skips a thread-static lookup on every return
        var state = t_state;
        if (state is null) return;
        try
        {
            Common.InternalErrors.Inject(ReleaseSite);
            while (state.Live.Count > 0 && state.Live.Peek().Owner >= frame) state.Retire(state.Live.Pop());
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
        foreach (var buffer in state.Live)
        {
            nuint begin = (nuint)(buffer.Raw + Redzone), size = (nuint)((StackBufferHeader*)buffer.Raw)->Size;
            if (address - begin < size) return (begin, size, (nuint)buffer.Raw);
        }
        return null;
    }

    readonly struct Buffer(byte* raw, nuint total, nuint rounded, int* owner)
    {
        public byte* Raw { get; } = raw;
        public nuint Total { get; } = total;
        public nuint Rounded { get; } = rounded;
        public int* Owner { get; } = owner;
    }

    sealed class ThreadState
    {
        public readonly Stack<Buffer> Live = new();
        public readonly FakeStackRing Ring = new();
        public readonly BlockCache Blocks = new();
        public readonly int ThreadId = ThreadRegistry.CurrentId;
        readonly Queue<Buffer> _retired = new();
        long _retiredBytes;

        /// <summary>Frames deeper than the current one are gone (an exception unwound them): retire their buffers.</summary>
        public void ReleaseAbove(int* frame)
        {
            while (Live.Count > 0 && Live.Peek().Owner > frame) Retire(Live.Pop());
        }

        public void Retire(Buffer buffer)
        {
            ShadowMemory.Poison((nuint)(buffer.Raw + Redzone), buffer.Rounded, ShadowCode.StackAfterReturn);
            if (Ring.Contains(buffer.Raw))
            {
                Ring.Return();   // stays poisoned in the ring until the ring comes round to it
                return;
            }
            _retired.Enqueue(buffer);
            _retiredBytes += (long)buffer.Total;
            while (_retired.Count > RetiredLimit || _retiredBytes > RetiredBytesLimit) Free(_retired.Dequeue());
        }

        void Free(Buffer buffer)
        {
            _retiredBytes -= (long)buffer.Total;
            ((StackBufferHeader*)buffer.Raw)->MagicValue = 0;
            ShadowMemory.Clear((nuint)buffer.Raw, buffer.Total);
            Blocks.Give(buffer.Raw, buffer.Total);
        }

        ~ThreadState()
        {
            // The thread is gone; nothing can use its frames any more.
            while (_retired.Count > 0) Free(_retired.Dequeue());
            while (Live.Count > 0)
            {
                var b = Live.Pop();
                if (Ring.Contains(b.Raw)) continue;
                _retiredBytes += (long)b.Total;
                Free(b);
            }
            Blocks.Dispose();
            Ring.Dispose();
        }
    }
}
