namespace SharpSan.Runtime.Guard.Primary;

/// <summary>Freed blocks one thread collected, moved to the shared quarantine together (one lock per batch, not per free).</summary>
internal sealed class QuarantineBatch
{
    public const int Capacity = 64;
    public readonly nuint[] Blocks = new nuint[Capacity];
    public readonly byte[] Classes = new byte[Capacity];
    public int Count;
    public long Bytes;

    public void Add(nuint user, int sizeClass, long bytes)
    {
        Blocks[Count] = user;
        Classes[Count++] = (byte)sizeClass;
        Bytes += bytes;
    }

    public void Clear()
    {
        Count = 0;
        Bytes = 0;
    }
}

/// <summary>
/// Scudo's quarantine for the primary heap: a FIFO of batches of freed blocks, at most its budget in bytes; the oldest
/// batches are evicted (and their blocks recycled by the caller) when a new one pushes it over.
/// </summary>
internal sealed class BatchQuarantine(long budgetBytes)
{
    readonly Queue<QuarantineBatch> _batches = new();
    readonly object _lock = new();
    long _bytes;

    public long BudgetBytes => budgetBytes;

    /// <summary>A batch a thread collects into: it should be pushed at this many bytes even when not full.</summary>
    public long BatchBytesLimit => Math.Max(budgetBytes / 8, 1);

    public void Push(QuarantineBatch batch)
    {
        lock (_lock)
        {
            _batches.Enqueue(batch);
            _bytes += batch.Bytes;
        }
    }

    /// <summary>The oldest batch when the quarantine is over budget, else null.</summary>
    public QuarantineBatch? TryEvict()
    {
        lock (_lock)
        {
            if (_bytes <= budgetBytes || _batches.Count == 0) return null;
            var oldest = _batches.Dequeue();
            _bytes -= oldest.Bytes;
            return oldest;
        }
    }
}
