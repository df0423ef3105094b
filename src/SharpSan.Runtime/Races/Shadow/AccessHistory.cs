using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Races.Shadow;

/// <summary>
/// A thread's bounded history of the accesses that changed a shadow cell (TSan's trace): which variable, in which epoch,
/// read or write, and the stack it happened at. A race report looks up the previous access of the other thread here;
/// once the ring has wrapped past it, the report says the stack could not be restored, as TSan does.
/// <para>Only the owning thread writes; a reporting thread reads without locking (a torn entry only fails a lookup).</para>
/// <para>A loop that touches the elements of an array in order, in one epoch, at one site and activation, fills one
/// entry that covers consecutive keys (a run) instead of one entry per element: the first pass over an array slice
/// after a thread start or join records every element, and a run neither costs a slot per element nor pushes older
/// accesses out of the ring.</para>
/// </summary>
internal sealed class AccessHistory(int capacity)
{
    readonly long[] _keys = new long[capacity];      // the first key an entry covers
    readonly long[] _entries = new long[capacity];   // clock (32) | stack id (31) | write (1)
    readonly int[] _lengths = new int[capacity];     // how many consecutive keys from _keys[i] (1 but for runs)
    readonly int _mask = capacity - 1;
    int _next;

    // The entry a run of element accesses may extend: the next key it would cover, and what else must be equal.
    long _runNextKey = -1;
    int _runClock, _runSite, _runActivation;
    bool _runWrite;

    // Stacks repeat while the innermost frame's activation is the same: a small cache by access site and activation.
    const int CacheSize = 256;
    readonly int[] _cacheSites = new int[CacheSize];
    readonly int[] _cacheActivations = new int[CacheSize];
    readonly int[] _cacheIds = new int[CacheSize];

    public void Record(long key, int clock, int site, bool write) => RecordStack(key, clock, StackAt(site), write);

    /// <summary>
    /// Records an access to an array element (<paramref name="key"/>: the array's id and the index): when it is the
    /// next element after the newest entry's run, in the same epoch, at the same site in the same activation (so with
    /// the same stack), the run grows by one instead.
    /// </summary>
    public void RecordElement(long key, int clock, int site, bool write)
    {
        int activation = ShadowStack.ActivationIn(StackBlock);
        if (key == _runNextKey && clock == _runClock && site == _runSite && activation == _runActivation && write == _runWrite)
        {
            if (RaceOptions.Stats) (Records, RunExtensions) = (Records + 1, RunExtensions + 1);
            _lengths[(_next - 1) & _mask]++;
            _runNextKey = key + 1;
            return;
        }
        RecordStack(key, clock, StackAt(site), write);
        (_runNextKey, _runClock, _runSite, _runActivation, _runWrite) = (key + 1, clock, site, activation, write);
    }

    /// <summary>Records an access whose stack the caller captured (a call on a collection: synthetic frame on top).</summary>
    public void RecordStack(long key, int clock, int stack, bool write)
    {
        int i = _next & _mask;
        _keys[i] = key;
        _lengths[i] = 1;
        _entries[i] = ((long)clock << 32) | ((long)(stack & 0x7FFFFFFF) << 1) | (write ? 1L : 0L);
        _next++;
        _runNextKey = -1;   // a run only ever extends the newest entry
    }

    /// <summary>The stack of this thread's access to <paramref name="key"/> in epoch <paramref name="clock"/>, or -1 if overwritten.</summary>
    public int Find(long key, int clock, bool write)
    {
        int newest = Volatile.Read(ref _next);
        int oldest = Math.Max(0, newest - _keys.Length);
        for (int n = newest - 1; n >= oldest; n--)
        {
            int i = n & _mask;
            long entry = _entries[i];
            if ((ulong)(key - _keys[i]) < (ulong)_lengths[i] && (int)(entry >> 32) == clock && ((entry & 1) != 0) == write)
                return (int)((entry >> 1) & 0x7FFFFFFF);
        }
        return -1;
    }

    /// <summary>The current stack (innermost frame at its recorded call site), from the same cache.</summary>
    public int CurrentStack() => StackAt(ShadowStack.CallSiteIn(StackBlock));

    // The owning thread's shadow-stack block, kept once it exists (a thread-local lookup per access otherwise).
    nint _stackBlock;
    nint StackBlock => _stackBlock != 0 ? _stackBlock : _stackBlock = ShadowStack.CurrentBlock;

    // race_stats=1: how the stacks of recorded accesses were found (same activation, an ancestor's path, a capture).
    internal long Records, ActivationHits, PathHits, PathLevels, Captures, RunExtensions;

    int StackAt(int site)
    {
        int activation = ShadowStack.ActivationIn(StackBlock);
        if (RaceOptions.Stats) Records++;
        // Fibonacci hashing: the sites of one loop are close IL offsets; the low bits alone collide.
        int slot = (int)(((uint)site * 0x9E3779B1u) >> 24);
        if (_cacheSites[slot] == site && _cacheActivations[slot] == activation && _cacheIds[slot] != 0)
        {
            if (RaceOptions.Stats) ActivationHits++;
            return _cacheIds[slot];
        }
        int id = CallerStackAt(site);
        _cacheSites[slot] = site;
        _cacheActivations[slot] = activation;
        _cacheIds[slot] = id;
        return id;
    }

    // A method called again and again from one caller (a getter in a loop, a library call per round) is a new
    // activation each time, and so are its callees. While an ancestor frame's activation is the same, the frames under
    // it are suspended where they were: the stack at a site is then fixed by that ancestor's activation and call site
    // and the methods and call sites of the frames above it. A second cache keyed that way (a hash of the frames above,
    // up to MaxLevels deep) skips the capture, a walk of the whole shadow stack and a depot lookup.
    const int MaxLevels = 16;
    const int PathCacheBits = 12;
    // One entry per probe: a 16-byte struct keeps a probe to one cache line (four parallel arrays took four).
    readonly PathEntry[] _paths = new PathEntry[1 << PathCacheBits];

    /// <summary>Tag: the frames above the ancestor hashed with the ancestor's call site; exact match on its activation.</summary>
    struct PathEntry
    {
        public ulong Tag;
        public int Activation;
        public int Id;
    }

    // The newest activation any path entry holds. Activations are numbered in push order per thread, so a frame newer
    // than it (pushed since the last entry was written: a fresh call chain) cannot be in the cache, nor can any
    // entry match at its level: its probe is skipped (it is still written, for the accesses that follow). Skipping a
    // probe can only cost a hit, never give a wrong stack.
    int _newestCached;

    int CallerStackAt(int site)
    {
        nint block = StackBlock;
        if (!ShadowStack.FrameAt(block, 0, out int frameKey, out _, out _)) return RaceThread.CaptureStack(site);
        Span<int> slots = stackalloc int[MaxLevels];
        Span<ulong> tags = stackalloc ulong[MaxLevels];
        Span<int> activations = stackalloc int[MaxLevels];
        ulong path = Mix(((ulong)(uint)site << 32) | (uint)frameKey);
        int tried = 0, id = 0;
        var paths = _paths;
        for (int depth = 1; depth <= MaxLevels; depth++)
        {
            if (!ShadowStack.FrameAt(block, depth, out int ancestorKey, out int activation, out int callSite)) break;
            ulong tag = path ^ ((ulong)(uint)callSite * 0xD6E8FEB86659FD93UL);
            int slot = (int)((tag ^ ((ulong)(uint)activation * 0x9E3779B97F4A7C15UL)) >> (64 - PathCacheBits));
            ref var entry = ref paths[slot];
            bool fresh = activation - _newestCached > 0;   // wraps like the counter
            if (!fresh && entry.Tag == tag && entry.Activation == activation && entry.Id != 0)
            {
                id = entry.Id;
                if (RaceOptions.Stats) (PathHits, PathLevels) = (PathHits + 1, PathLevels + depth);
                break;
            }
            (slots[tried], tags[tried], activations[tried]) = (slot, tag, activation);
            tried++;
            path = Mix(path ^ (((ulong)(uint)ancestorKey << 32) | (uint)callSite));
        }
        if (id == 0)
        {
            if (RaceOptions.Stats) Captures++;
            id = RaceThread.CaptureStack(site);
        }
        if (id == 0) return 0;   // a failed capture is not kept
        for (int i = 0; i < tried; i++)
        {
            ref var entry = ref paths[slots[i]];
            (entry.Tag, entry.Activation, entry.Id) = (tags[i], activations[i], id);
            if (activations[i] - _newestCached > 0) _newestCached = activations[i];
        }
        return id;
    }

    /// <summary>A 64-bit finaliser (SplitMix64's): every input bit reaches every output bit.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
