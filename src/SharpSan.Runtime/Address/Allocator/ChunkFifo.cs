namespace SharpSan.Runtime.Address.Allocator;

/// <summary>
/// The quarantine's FIFO of (chunk, bytes): fixed-size segments in a linked list, so that growing to a million
/// entries never copies (a doubling queue re-copied and re-zeroed its whole array at every growth, 2 % of an
/// allocation-heavy run), and an emptied segment is kept for reuse. Not thread-safe: the quarantine locks.
/// </summary>
internal sealed class ChunkFifo
{
    const int SegmentLength = 1024;

    sealed class Segment
    {
        public readonly nuint[] Chunks = new nuint[SegmentLength];
        public readonly long[] Bytes = new long[SegmentLength];
        public Segment? Next;
    }

    Segment _head = new(), _tail;
    Segment? _spare;
    int _headIndex, _tailIndex;

    public ChunkFifo() => _tail = _head;

    public int Count { get; private set; }

    public void Enqueue(nuint chunk, long bytes)
    {
        if (_tailIndex == SegmentLength)
        {
            var next = _spare ?? new Segment();
            _spare = null;
            _tail.Next = next;
            _tail = next;
            _tailIndex = 0;
        }
        _tail.Chunks[_tailIndex] = chunk;
        _tail.Bytes[_tailIndex] = bytes;
        _tailIndex++;
        Count++;
    }

    /// <summary>The oldest entry; the caller checks <see cref="Count"/> first.</summary>
    public (nuint Chunk, long Bytes) Dequeue()
    {
        if (Count == 0) throw new InvalidOperationException("the quarantine FIFO is empty");
        if (_headIndex == SegmentLength)
        {
            var done = _head;
            _head = done.Next!;
            done.Next = null;
            _spare = done;
            _headIndex = 0;
        }
        var entry = (_head.Chunks[_headIndex], _head.Bytes[_headIndex]);
        _headIndex++;
        Count--;
        return entry;
    }
}
