namespace SharpSan.Runtime.Address.Finalization;

/// <summary>One active method of a finalizable object: the object's identity and the method's shadow-stack frame.</summary>
internal unsafe struct ActiveMethod
{
    public int Hash;
    public ActiveMethodKind Kind;
    public nint Type;
    public int* Site;
    public int FrameKey;
    public int Activation;

    public readonly bool IsSameObject(in ActiveMethod other) => Hash == other.Hash && Type == other.Type;
}

/// <summary>
/// One thread's active methods of finalizable objects, innermost last. Only its thread writes it; a finalizer thread
/// reads it (racily: a torn read can only miss a report or name a method that just returned).
/// </summary>
internal sealed unsafe class ThreadActiveMethods(int tid, Thread owner)
{
    readonly WeakReference<Thread> _owner = new(owner);
    ActiveMethod[] _entries = new ActiveMethod[16];
    int _count;

    public int Tid { get; } = tid;

    /// <summary>Finalizer and ReleaseHandle entries among the active ones: a free on this thread is checked only when some are.</summary>
    public int Releasing;

    /// <summary>While this thread waits in a gc_stress safe point: the frame it stopped in and the IL offset there.</summary>
    public int* StressFrame;
    public int StressSite;

    public int Count => Volatile.Read(ref _count);

    public bool IsAlive => _owner.TryGetTarget(out var t) && t.IsAlive;

    public int Push(int hash, nint type, int* site, ActiveMethodKind kind)
    {
        // Frames an exception unwound never ran their Exit: anything recorded at or above this new frame is gone.
        int n = _count;
        while (n > 0 && _entries[n - 1].Site >= site) n--;
        if (n != _count) PopTo(n);
        if (n == _entries.Length) Array.Resize(ref _entries, n * 2);
        _entries[n] = new ActiveMethod { Hash = hash, Kind = kind, Type = type, Site = site, FrameKey = site[-1], Activation = site[1] };
        if (kind != ActiveMethodKind.Method) Releasing++;
        Volatile.Write(ref _count, n + 1);
        return n;
    }

    public void PopTo(int depth)
    {
        int n = _count;
        if (depth < 0 || depth >= n) return;
        for (int k = depth; k < n; k++)
            if (_entries[k].Kind != ActiveMethodKind.Method) Releasing--;
        Volatile.Write(ref _count, depth);
    }

    /// <summary>The innermost finalizer or ReleaseHandle running on this thread.</summary>
    public bool TryGetInnermostRelease(out ActiveMethod entry)
    {
        var entries = _entries;
        for (int k = Math.Min(_count, entries.Length) - 1; k >= 0; k--)
        {
            if (entries[k].Kind != ActiveMethodKind.Method) { entry = entries[k]; return true; }
        }
        entry = default;
        return false;
    }

    /// <summary>The innermost ordinary method of the same object as <paramref name="released"/> whose frame is still live.</summary>
    public bool TryFindLiveMethodOf(in ActiveMethod released, out ActiveMethod entry)
    {
        var entries = _entries;
        for (int k = Math.Min(Count, entries.Length) - 1; k >= 0; k--)
        {
            var e = entries[k];
            if (e.Kind == ActiveMethodKind.Method && e.IsSameObject(released) && ForeignFrames.IsLive(e)) { entry = e; return true; }
        }
        entry = default;
        return false;
    }
}
