namespace SharpSan.Runtime.Address.Pools;

/// <summary>
/// Returned arrays wait here in FIFO order (bounded by count and bytes) so that a stale reference keeps
/// pointing at poisoned, unused memory for a while; arrays leaving the quarantine go to a small free list per
/// length that later Rents reuse. Not thread-safe: the pool locks around it.
/// </summary>
internal sealed class PoolQuarantine<T>(int maxArrays, long maxBytes, int elementSize)
{
    const int FreePerLength = 16;
    readonly Queue<T[]> _fifo = new();
    readonly Dictionary<int, Stack<T[]>> _free = [];
    readonly Dictionary<int, int> _heldByLength = [];
    long _bytes;

    public int Count => _fifo.Count;

    /// <summary>True when an array of this length waits in the FIFO: the BCL's pool would have handed it out again.</summary>
    public bool Holds(int length) => _heldByLength.TryGetValue(length, out int n) && n > 0;

    public void Add(T[] array)
    {
        _fifo.Enqueue(array);
        _heldByLength[array.Length] = _heldByLength.GetValueOrDefault(array.Length) + 1;
        _bytes += (long)array.Length * elementSize;
        // The newest array stays even when it alone exceeds the budget, unless the budget is zero (no quarantine).
        while (_fifo.Count > maxArrays || (_bytes > maxBytes && (_fifo.Count > 1 || maxBytes == 0)))
        {
            var old = _fifo.Dequeue();
            _heldByLength[old.Length]--;
            _bytes -= (long)old.Length * elementSize;
            if (!_free.TryGetValue(old.Length, out var stack)) _free[old.Length] = stack = new Stack<T[]>();
            // A full free list lets the array go: its record's finalizer clears the shadow before the memory is reused.
            if (stack.Count < FreePerLength) stack.Push(old);
        }
    }

    /// <summary>A returned array of exactly <paramref name="length"/> elements that has left the quarantine, or null.</summary>
    public T[]? TakeFree(int length) =>
        _free.TryGetValue(length, out var stack) && stack.Count > 0 ? stack.Pop() : null;
}
