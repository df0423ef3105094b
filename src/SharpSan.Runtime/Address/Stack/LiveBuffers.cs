using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Address.Stack;

/// <summary>
/// A stackalloc buffer handed out by the fake stack: its block (header and left redzone first), sizes, and owning frame
/// (the call-site slot of its shadow-stack frame) with that frame's activation number.
/// </summary>
internal readonly unsafe struct FakeStackBuffer(byte* raw, nuint total, nuint rounded, int* owner)
{
    public byte* Raw { get; } = raw;
    public nuint Total { get; } = total;
    public nuint Rounded { get; } = rounded;
    public int* Owner { get; } = owner;
    public int Activation { get; } = owner != null ? owner[ShadowStack.ActivationOffset] : 0;

    /// <summary>
    /// True when the frame at <paramref name="returning"/>, about to return, owns this buffer or a deeper frame (one an
    /// exception unwound) did. Frames deeper than a shadow-stack block all fold onto its last slot: there only the
    /// buffers of this activation and later ones go, so a folded caller's buffer is not retired by its callee's return
    /// (it stays addressable until a frame below the fold returns).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsOwnedFrom(int* returning) =>
        Owner > returning || Owner == returning && (Activation >= returning[ShadowStack.ActivationOffset] || !ShadowStack.IsFoldSlot(returning));
}

/// <summary>
/// One thread's live fake-stack buffers, innermost (newest) on top: a native array, so that the hot path can push and
/// pop it from unmanaged per-thread state (<see cref="FakeStackThread"/>). Only the slow path grows it.
/// </summary>
internal unsafe struct LiveBuffers
{
    FakeStackBuffer* _items;
    int _capacity;

    public int Count { readonly get; private set; }

    public readonly bool IsFull => Count == _capacity;

    /// <summary>The newest live buffer; only when <see cref="Count"/> is above zero.</summary>
    public readonly ref FakeStackBuffer Top => ref _items[Count - 1];

    /// <summary>The live buffer <paramref name="fromTop"/> places below the newest (0: the newest).</summary>
    public readonly FakeStackBuffer FromTop(int fromTop) => _items[Count - 1 - fromTop];

    public void Push(in FakeStackBuffer buffer)
    {
        EnsureRoom();
        _items[Count++] = buffer;
    }

    /// <summary>Room for one more (may allocate, and so throw).</summary>
    public void EnsureRoom()
    {
        if (IsFull) Grow();
    }

    public FakeStackBuffer Pop() => _items[--Count];

    /// <summary>Drops the newest buffer (the caller has retired it).</summary>
    public void DropTop() => Count--;

    // Out of line: inlined into an instrumented method, its P/Invoke would make every call set up a P/Invoke frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    void Grow()
    {
        int capacity = Math.Max(16, _capacity * 2);
        _items = (FakeStackBuffer*)NativeMemory.Realloc(_items, (nuint)capacity * (nuint)sizeof(FakeStackBuffer));
        _capacity = capacity;
    }

    public void Dispose()
    {
        NativeMemory.Free(_items);
        _items = null;
        _capacity = Count = 0;
    }
}
