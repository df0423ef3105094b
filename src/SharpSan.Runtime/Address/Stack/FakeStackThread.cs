using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SharpSan.Runtime.Address.Stack;

/// <summary>
/// The part of a thread's fake stack that every call of a stackalloc method touches: its ring and its live buffers, in
/// native memory that the thread's shadow-stack block points at (<see cref="Common.Stacks.ShadowStack.DataSlot"/>), so
/// Alloc and Release find it from the frame they are given, without a thread-static lookup. Buffers the ring cannot
/// hold (large ones, or no room before the oldest live one), growth of the live array and frames unwound by an
/// exception are the slow path's (<see cref="FakeStack"/>'s thread state, which owns this).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FakeStackThread
{
    public FakeStackRing Ring;
    public LiveBuffers Live;
    public int ThreadId;

    /// <summary>A buffer cut from the ring for <paramref name="frame"/>, or null when the slow path must make it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte* TryAllocInRing(nuint size, int* frame, int ilOffset, bool zero)
    {
        // A live buffer of a deeper frame means an exception unwound that frame: the slow path retires it first.
        if (size > FakeStackRing.Bytes || Live.IsFull || (Live.Count > 0 && Live.Top.Owner > frame)) return null;
        nuint rounded = (size + 7) & ~(nuint)7;
        nuint bytes = (FakeStack.Redzone + rounded + FakeStack.Redzone + FakeStackRing.Alignment - 1) & ~(FakeStackRing.Alignment - 1);
        byte* raw = Ring.TryTake(bytes);
        // The right redzone takes the slack up to the ring's next block.
        return raw == null ? null : Place(raw, bytes, bytes, size, rounded, frame, ilOffset, zero);
    }

    /// <summary>Makes a buffer in the block at <paramref name="raw"/>, poisoned up to <paramref name="total"/>, live for <paramref name="frame"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte* Place(byte* raw, nuint total, nuint capacity, nuint size, nuint rounded, int* frame, int ilOffset, bool zero)
    {
        *(StackBufferHeader*)raw = new StackBufferHeader
        {
            MagicValue = StackBufferHeader.Magic,
            FrameKey = frame != null ? frame[-1] : 0,
            IlOffset = ilOffset,
            Thread = ThreadId,
            Size = size,
        };
        FakeStackShadow.MarkNew(raw, size, total);
        byte* user = raw + FakeStack.Redzone;
        if (zero) NativeMemory.Clear(user, size);
        Live.Push(new FakeStackBuffer(raw, capacity, rounded, frame));
        return user;
    }

    /// <summary>
    /// Retires the buffers of <paramref name="frame"/> and deeper ones while they are in the ring (they stay there,
    /// poisoned as after-return); false when one is not, which the slow path then retires with the rest.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReleaseInRing(int* frame)
    {
        while (Live.Count > 0)
        {
            ref var top = ref Live.Top;
            if (!top.IsOwnedFrom(frame)) break;
            if (!Ring.Contains(top.Raw)) return false;
            FakeStackShadow.MarkReturned(top.Raw + FakeStack.Redzone, top.Rounded);
            Ring.Return();
            Live.DropTop();
        }
        return true;
    }
}
