namespace SharpSan.Runtime.Address.Allocator;

/// <summary>
/// FIFO of freed chunks held back from reuse (ASan's quarantine): while a chunk is here its memory stays
/// poisoned as freed, so a dangling pointer is caught. When the total exceeds the budget the oldest chunks
/// are released, in the order they were freed.
/// </summary>
public sealed class Quarantine(long capacityBytes, Action<nuint> release)
{
    readonly Queue<(nuint Chunk, long Bytes)> _queue = new();
    readonly object _lock = new();
    long _bytes;

    public long Bytes { get { lock (_lock) return _bytes; } }
    public int Count { get { lock (_lock) return _queue.Count; } }

    public void Put(nuint userBegin, long chunkBytes)
    {
        List<nuint>? evicted = null;
        lock (_lock)
        {
            _queue.Enqueue((userBegin, chunkBytes));
            _bytes += chunkBytes;
            while (_bytes > capacityBytes && _queue.Count > 0)
            {
                var (chunk, bytes) = _queue.Dequeue();
                _bytes -= bytes;
                (evicted ??= []).Add(chunk);
            }
        }
        if (evicted is not null)
            foreach (var chunk in evicted) release(chunk);
    }
}
