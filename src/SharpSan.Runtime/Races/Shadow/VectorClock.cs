namespace SharpSan.Runtime.Races.Shadow;

/// <summary>A vector clock indexed by thread id; missing entries are 0. Not thread-safe: owners lock.</summary>
internal sealed class VectorClock
{
    int[] _clocks;

    public VectorClock(int capacity = 4) => _clocks = new int[Math.Max(capacity, 1)];

    public int Length => _clocks.Length;

    public int this[int tid]
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
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

    /// <summary>
    /// this := max(this, other) while another thread may be joining into <paramref name="other"/>: each entry is read
    /// once (a second read could see a later value), and the entries array is read once (a release may replace it
    /// with a bigger copy).
    /// </summary>
    public void JoinConcurrent(VectorClock other)
    {
        var theirs = Volatile.Read(ref other._clocks);
        if (theirs.Length > _clocks.Length) Grow(theirs.Length);
        var mine = _clocks;
        for (int i = 0; i < theirs.Length; i++)
        {
            int clock = Volatile.Read(ref theirs[i]);
            if (clock > mine[i]) mine[i] = clock;
        }
    }

    /// <summary>
    /// this := other := max(this, other) in one pass: a sync clock (this, under its owner's lock) and the clock of the
    /// thread that releases into it and acquires it at once.
    /// </summary>
    public void JoinBoth(VectorClock other)
    {
        // Growth rounds up to a power of two and a thread's clock starts at its id + 1 entries: the two lengths may
        // still differ after growing, but beyond the shorter one's length there are only zeros.
        int length = Math.Max(_clocks.Length, other._clocks.Length);
        if (_clocks.Length < length) Grow(length);
        if (other._clocks.Length < length) other.Grow(length);
        var mine = _clocks;
        var theirs = other._clocks;
        for (int i = 0, n = Math.Min(mine.Length, theirs.Length); i < n; i++)
        {
            int a = mine[i], b = theirs[i];
            if (b > a) mine[i] = b;
            else if (a > b) theirs[i] = a;
        }
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
/// <para>Releases are guarded by a spin lock of their own: the critical sections are a join of a few words, and the
/// same clock is hit from several threads at every Interlocked call or lock hand-off, where a Monitor's contention path
/// (and the sync block it inflates to) costs many times the join. Acquires take no lock: the clock only ever grows
/// (releases join, nothing replaces or lowers it), so a reader sees every entry of each release that finished before
/// the synchronising operation it follows (the release's stores come before the operation it precedes, the read after
/// the one it follows), and at worst some of a release still under way — knowledge it could have had anyway.</para>
/// <para>A version, bumped by every release, lets a thread skip an acquire that could bring nothing new (see
/// <see cref="RaceThread.Acquire"/>): the Interlocked path releases and then acquires the same clock at every call.</para>
/// </summary>
internal sealed class SyncClock
{
    readonly VectorClock _clock = new();
    int _busy;
    long _version;

    /// <summary>How many releases this clock has had; read before the entries, written after them.</summary>
    public long Version => Volatile.Read(ref _version);

    /// <summary>
    /// Joins the thread's clock in. Returns the new version when the clock held nothing the thread did not know
    /// before (its version was still <paramref name="knownVersion"/>, one the thread had acquired or released at), so
    /// that the thread knows all of it now; -1 otherwise.
    /// </summary>
    public long ReleaseFrom(VectorClock thread, long knownVersion)
    {
        Enter();
        try
        {
            bool nothingNew = _version == knownVersion;
            _clock.Join(thread);
            long version = _version + 1;
            Volatile.Write(ref _version, version);
            return nothingNew ? version : -1;
        }
        finally { Volatile.Write(ref _busy, 0); }
    }

    /// <summary>
    /// A read-modify-write's release and acquire in one critical section: the thread's clock and this one both become
    /// their join. Returns the new version, all of which the thread knows now. Taking the acquire's part before the
    /// atomic operation (not after it) gives the thread no more than the acquire after it would: the clock only grows,
    /// and between the two the thread makes no checked access. The acquire after the operation still runs and joins
    /// again when another thread released in between (the version changed).
    /// </summary>
    public long ReleaseAcquire(VectorClock thread)
    {
        Enter();
        try
        {
            _clock.JoinBoth(thread);
            long version = _version + 1;
            Volatile.Write(ref _version, version);
            return version;
        }
        finally { Volatile.Write(ref _busy, 0); }
    }

    /// <summary>Joins the clock into the thread's, without the lock (see the type's comment); returns the version read first.</summary>
    public long AcquireInto(VectorClock thread)
    {
        long version = Volatile.Read(ref _version);
        thread.JoinConcurrent(_clock);
        return version;
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
