namespace SharpSan.Runtime.Guard;

/// <summary>
/// The quarantine of blocks the real allocator holds (larger than the primary heap's classes, or more aligned): a FIFO
/// of at most its budget in bytes, the oldest released first. A ring of plain arrays, not a Queue of tuples, so that
/// nothing generic over a value type is JIT-compiled when the first large block is freed.
/// </summary>
internal sealed class LargeQuarantine(long budgetBytes, Action<nuint> release)
{
    nuint[] _blocks = new nuint[16];
    long[] _sizes = new long[16];
    int _head, _count;
    long _bytes;
    readonly object _lock = new();

    public void Put(nuint user, long bytes)
    {
        if (budgetBytes == 0 || bytes > budgetBytes)
        {
            release(user);
            return;
        }
        Span<nuint> evicted = stackalloc nuint[8];
        int n;
        lock (_lock)
        {
            if (_count == _blocks.Length) Grow();
            int tail = (_head + _count) % _blocks.Length;
            _blocks[tail] = user;
            _sizes[tail] = bytes;
            _count++;
            _bytes += bytes;
            for (n = 0; n < evicted.Length && _bytes > budgetBytes; n++)
            {
                evicted[n] = _blocks[_head];
                _bytes -= _sizes[_head];
                _head = (_head + 1) % _blocks.Length;
                _count--;
            }
        }
        for (int i = 0; i < n; i++) release(evicted[i]);
    }

    void Grow()
    {
        var blocks = new nuint[_blocks.Length * 2];
        var sizes = new long[blocks.Length];
        for (int i = 0; i < _count; i++)
        {
            blocks[i] = _blocks[(_head + i) % _blocks.Length];
            sizes[i] = _sizes[(_head + i) % _blocks.Length];
        }
        (_blocks, _sizes, _head) = (blocks, sizes, 0);
    }
}
