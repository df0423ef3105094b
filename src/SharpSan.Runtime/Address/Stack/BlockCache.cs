using System.Numerics;
using System.Runtime.InteropServices;

namespace SharpSan.Runtime.Address.Stack;

/// <summary>
/// One thread's spare fake-stack blocks, by power-of-two size class (128 bytes to 64 KiB), a few per class: a block
/// that left the after-return FIFO is handed to the next stackalloc of its class instead of going back to malloc.
/// Larger blocks are allocated and freed exactly. Spare blocks have clear shadow, like memory returned to malloc.
/// Not thread-safe: owned by one thread (and by the finalizer once that thread is gone).
/// </summary>
internal sealed unsafe class BlockCache : IDisposable
{
    const int SmallestShift = 7, LargestShift = 16, PerClass = 16;

    readonly nint[][] _spare = new nint[LargestShift - SmallestShift + 1][];
    readonly int[] _count = new int[LargestShift - SmallestShift + 1];

    /// <summary>A block of at least <paramref name="bytes"/> in <paramref name="block"/>; returns its real size.</summary>
    public nuint Take(nuint bytes, out byte* block)
    {
        if (ClassOf(bytes) is not int c) { block = (byte*)NativeMemory.Alloc(bytes); return bytes; }
        nuint size = (nuint)1 << (c + SmallestShift);
        block = _count[c] > 0 ? (byte*)_spare[c][--_count[c]] : (byte*)NativeMemory.Alloc(size);
        return size;
    }

    /// <summary>Takes back a block that <see cref="Take"/> handed out with this <paramref name="size"/>.</summary>
    public void Give(byte* block, nuint size)
    {
        if (ClassOf(size) is int c && (nuint)1 << (c + SmallestShift) == size && _count[c] < PerClass)
        {
            (_spare[c] ??= new nint[PerClass])[_count[c]++] = (nint)block;
            return;
        }
        NativeMemory.Free(block);
    }

    static int? ClassOf(nuint bytes)
    {
        if (bytes > (nuint)1 << LargestShift) return null;
        int shift = Math.Max(SmallestShift, 64 - BitOperations.LeadingZeroCount((ulong)bytes - 1));
        return shift - SmallestShift;
    }

    public void Dispose()
    {
        for (int c = 0; c < _count.Length; c++)
            while (_count[c] > 0) NativeMemory.Free((void*)_spare[c][--_count[c]]);
    }
}
