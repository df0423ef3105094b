using System.Numerics;

namespace SharpSan.Runtime.Guard.Primary;

/// <summary>
/// A size class's shared free blocks, kept outside the blocks (a hardened allocator keeps no metadata where a stale
/// write can reach it): one bit per block of the class's region, in fixed segments of 8,192 words (64 KiB, below the
/// large-object heap, 524,288 blocks each) added as the region is used and never copied. Blocks come back lowest
/// address first. A program that frees 600,000 small blocks at its end (hashmap) costs ~75 KB here; a stack of 32-bit
/// block numbers cost 2.4 MB of peak memory there, and an array of addresses doubled by copying up to 7 MB.
/// </summary>
internal sealed class FreeBlocks(nuint firstBlock, nuint stride)
{
    const int SegmentShift = 13, SegmentWords = 1 << SegmentShift;
    readonly List<ulong[]> _segments = [];
    int _lowestWord;   // no free block lies below this word

    public int Count { get; private set; }

    /// <summary>Adds a block that is not in the list (the header's compare-and-swap at free lets a block in once).</summary>
    public void Push(nuint block)
    {
        int number = (int)((block - firstBlock) / stride);
        int word = number >> 6;
        while (word >> SegmentShift >= _segments.Count) _segments.Add(new ulong[SegmentWords]);
        _segments[word >> SegmentShift][word & (SegmentWords - 1)] |= 1UL << (number & 63);
        Count++;
        if (word < _lowestWord) _lowestWord = word;
    }

    /// <summary>The free block at the lowest address (<see cref="Count"/> must be positive).</summary>
    public nuint Pop()
    {
        for (int word = _lowestWord; ; word++)
        {
            ref ulong bits = ref _segments[word >> SegmentShift][word & (SegmentWords - 1)];
            if (bits == 0) continue;
            int bit = BitOperations.TrailingZeroCount(bits);
            bits &= bits - 1;
            _lowestWord = word;
            Count--;
            return firstBlock + (nuint)(word * 64 + bit) * stride;
        }
    }
}
