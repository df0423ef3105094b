namespace SharpSan.Runtime.Address.Allocator;

/// <summary>
/// FIFO of freed chunks held back from reuse (ASan's quarantine): while a chunk is here its memory stays
/// poisoned as freed, so a dangling pointer is caught. When the total exceeds the budget the oldest chunks
/// are released, in the order they were freed.
/// </summary>
public sealed class Quarantine(long capacityBytes, Action<nuint> release)
{
    readonly ChunkFifo _queue = new();
    readonly object _lock = new();
    long _bytes;

    public long Bytes { get { lock (_lock) return _bytes; } }
    public int Count { get { lock (_lock) return _queue.Count; } }

    public void Put(nuint userBegin, long chunkBytes)
    {
        // Evicted chunks are released outside the lock; a put evicts at most a few (more only after a huge chunk).
        Span<nuint> evicted = stackalloc nuint[16];
        int count;
        do
        {
            count = 0;
            lock (_lock)
            {
                if (userBegin != 0)
                {
                    _queue.Enqueue(userBegin, chunkBytes);
                    _bytes += chunkBytes;
                    userBegin = 0;
                }
                while (_bytes > capacityBytes && _queue.Count > 0 && count < evicted.Length)
                {
                    var (chunk, bytes) = _queue.Dequeue();
                    _bytes -= bytes;
                    evicted[count++] = chunk;
                }
            }
            for (int i = 0; i < count; i++) release(evicted[i]);
        }
        while (count == evicted.Length);
    }
}
