namespace SharpSan.Runtime.Races.Shadow;

/// <summary>A vector clock indexed by thread id; missing entries are 0. Not thread-safe: owners lock.</summary>
internal sealed class VectorClock
{
    int[] _clocks;

    public VectorClock(int capacity = 4) => _clocks = new int[Math.Max(capacity, 1)];

    public int Length => _clocks.Length;

    public int this[int tid]
    {
        get => (uint)tid < (uint)_clocks.Length ? _clocks[tid] : 0;
        set
        {
            if (tid >= _clocks.Length) Grow(tid + 1);
            _clocks[tid] = value;
        }
    }

    /// <summary>
    /// Sets an entry that already exists without taking the owner's lock; false when it does not exist yet or the
    /// entries were replaced meanwhile (a concurrent growth), so the caller retries under the lock.
    /// </summary>
    public bool TrySetWithoutLock(int tid, int value)
    {
        var clocks = Volatile.Read(ref _clocks);
        if ((uint)tid >= (uint)clocks.Length) return false;
        clocks[tid] = value;
        return ReferenceEquals(Volatile.Read(ref _clocks), clocks);
    }

    /// <summary>this := max(this, other).</summary>
    public void Join(VectorClock other)
    {
        var theirs = other._clocks;
        if (theirs.Length > _clocks.Length) Grow(theirs.Length);
        var mine = _clocks;
        for (int i = 0; i < theirs.Length; i++)
            if (theirs[i] > mine[i]) mine[i] = theirs[i];
    }

    /// <summary>this := other.</summary>
    public void CopyFrom(VectorClock other)
    {
        if (other._clocks.Length > _clocks.Length) Grow(other._clocks.Length);
        Array.Copy(other._clocks, _clocks, other._clocks.Length);
        Array.Clear(_clocks, other._clocks.Length, _clocks.Length - other._clocks.Length);
    }

    public VectorClock Clone()
    {
        var copy = new VectorClock(_clocks.Length);
        Array.Copy(_clocks, copy._clocks, _clocks.Length);
        return copy;
    }

    /// <summary>To the next power of two: clocks that join each other settle on one size instead of doubling in turn.</summary>
    void Grow(int length) => Array.Resize(ref _clocks, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)length));
}

/// <summary>
/// The clock of a synchronisation object (a lock, an event, a task, a queue): a release joins the releasing thread's
/// clock into it, an acquire joins it into the acquiring thread's clock (happens-before).
/// <para>Guarded by a spin lock of its own: the critical sections are a join of a few words, and the same clock is
/// hit from several threads at every Interlocked call or lock hand-off, where a Monitor's contention path (and the
/// sync block it inflates to) costs many times the join.</para>
/// </summary>
internal sealed class SyncClock
{
    readonly VectorClock _clock = new();
    int _busy;

    public void ReleaseFrom(VectorClock thread)
    {
        Enter();
        try { _clock.Join(thread); }
        finally { Volatile.Write(ref _busy, 0); }
    }

    /// <summary>Release that replaces instead of joining (a store-release: later acquirers see only this thread's past).</summary>
    public void StoreFrom(VectorClock thread)
    {
        Enter();
        try { _clock.CopyFrom(thread); }
        finally { Volatile.Write(ref _busy, 0); }
    }

    public void AcquireInto(VectorClock thread)
    {
        Enter();
        try { thread.Join(_clock); }
        finally { Volatile.Write(ref _busy, 0); }
    }

    void Enter()
    {
        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0) Contended();
    }

    void Contended()
    {
        var spinner = new SpinWait();
        do spinner.SpinOnce(sleep1Threshold: -1);
        while (Interlocked.CompareExchange(ref _busy, 1, 0) != 0);
    }
}
