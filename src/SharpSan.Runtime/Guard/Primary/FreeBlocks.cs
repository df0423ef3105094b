namespace SharpSan.Runtime.Guard.Primary;

/// <summary>
/// A size class's shared free blocks, kept outside the blocks (a hardened allocator keeps no metadata where a stale
/// write can reach it): a stack of 32-bit block numbers in fixed segments of 16,384 (64 KiB, below the large-object
/// heap), added as it grows and never copied. A program that frees 600,000 small blocks at its end (hashmap) costs
/// 2.4 MB here; an array of addresses doubled by copying cost up to 7 MB of peak memory.
/// </summary>
internal sealed class FreeBlocks(nuint firstBlock, nuint stride)
{
    const int SegmentShift = 14, SegmentSize = 1 << SegmentShift;
    readonly List<uint[]> _segments = [];

    public int Count { get; private set; }

    public void Push(nuint block)
    {
        int segment = Count >> SegmentShift;
        if (segment == _segments.Count) _segments.Add(new uint[SegmentSize]);
        _segments[segment][Count & (SegmentSize - 1)] = (uint)((block - firstBlock) / stride);
        Count++;
    }

    /// <summary>The block pushed last (<see cref="Count"/> must be positive).</summary>
    public nuint Pop()
    {
        Count--;
        return firstBlock + _segments[Count >> SegmentShift][Count & (SegmentSize - 1)] * stride;
    }
}
