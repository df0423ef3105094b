using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SharpSan.Runtime.Address.Stack;

/// <summary>
/// One thread's fake-stack ring (issue 16 item 4): stackalloc buffers are cut from it in order, and a returned buffer
/// stays where it is, poisoned as after-return, until the ring comes round to it again, so the after-return window is
/// the ring's size and a call costs no malloc, free or queue operation. Buffers are live in LIFO order (frames), so
/// the live ones form one run from the oldest live buffer to the head; a buffer that does not fit before the oldest
/// live one (a deep frame holding its buffer while the ring wraps), or that is large, is not cut (null: the caller
/// uses malloc). An unmanaged struct, so that it can live in native per-thread state the hot path reaches without a
/// thread-static lookup (<see cref="FakeStackThread"/>). Not thread-safe: owned by one thread (and by the finalizer
/// once that thread is gone).
/// </summary>
internal unsafe struct FakeStackRing
{
    public const int Bytes = 1 << 20;
    const nuint Largest = Bytes / 16;
    public const nuint Alignment = 32;

    byte* _start;
    byte* _head;
    byte* _oldestLive;
    int _live;

    public static FakeStackRing Create()
    {
        var start = (byte*)NativeMemory.AlignedAlloc(Bytes, Alignment);
        return new FakeStackRing { _start = start, _head = start };
    }

    public readonly bool Contains(byte* block) => block >= _start && block < _start + Bytes;

    /// <summary>A block of <paramref name="bytes"/> (a multiple of <see cref="Alignment"/>), or null when it does not fit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte* TryTake(nuint bytes)
    {
        if (bytes > Largest) return null;
        byte* at = _head, end = _start + Bytes;
        // The live run is [oldest, head), maybe wrapping; a block must end strictly before the oldest live one (the head
        // meeting it would read as an empty ring).
        if (_live == 0)
        {
            if (at + bytes > end) at = _start;
        }
        else if (at >= _oldestLive)
        {
            if (at + bytes > end && (at = _start) + bytes >= _oldestLive) return null;
        }
        else if (at + bytes >= _oldestLive)
        {
            return null;
        }
        _head = at + bytes;
        if (_live++ == 0) _oldestLive = at;
        return at;
    }

    /// <summary>A block from <see cref="TryTake"/> was returned (in LIFO order with the others).</summary>
    public void Return() => _live--;

    public void Dispose()
    {
        if (_start == null) return;
        ShadowMemory.Clear((nuint)_start, Bytes);
        NativeMemory.AlignedFree(_start);
        _start = _head = _oldestLive = null;
    }
}
