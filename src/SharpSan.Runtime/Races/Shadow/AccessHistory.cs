using SharpSan.Runtime.Common.Stacks;

namespace SharpSan.Runtime.Races.Shadow;

/// <summary>
/// A thread's bounded history of the accesses that changed a shadow cell (TSan's trace): which variable, in which epoch,
/// read or write, and the stack it happened at. A race report looks up the previous access of the other thread here;
/// once the ring has wrapped past it, the report says the stack could not be restored, as TSan does.
/// <para>Only the owning thread writes; a reporting thread reads without locking (a torn entry only fails a lookup).</para>
/// </summary>
internal sealed class AccessHistory(int capacity)
{
    readonly long[] _keys = new long[capacity];
    readonly long[] _entries = new long[capacity];   // clock (32) | stack id (31) | write (1)
    readonly int _mask = capacity - 1;
    int _next;

    // Stacks repeat while the innermost frame's activation is the same: a small cache by access site and activation.
    const int CacheSize = 256;
    readonly int[] _cacheSites = new int[CacheSize];
    readonly int[] _cacheActivations = new int[CacheSize];
    readonly int[] _cacheIds = new int[CacheSize];

    public void Record(long key, int clock, int site, bool write) => RecordStack(key, clock, StackAt(site), write);

    /// <summary>Records an access whose stack the caller captured (a call on a collection: synthetic frame on top).</summary>
    public void RecordStack(long key, int clock, int stack, bool write)
    {
        int i = _next++ & _mask;
        _keys[i] = key;
        _entries[i] = ((long)clock << 32) | ((long)(stack & 0x7FFFFFFF) << 1) | (write ? 1L : 0L);
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
            if (_keys[i] == key && (int)(entry >> 32) == clock && ((entry & 1) != 0) == write)
                return (int)((entry >> 1) & 0x7FFFFFFF);
        }
        return -1;
    }

    /// <summary>The current stack (innermost frame at its recorded call site), from the same cache.</summary>
    public int CurrentStack() => StackAt(ShadowStack.CallSiteIn(StackBlock));

    // The owning thread's shadow-stack block, kept once it exists (a thread-local lookup per access otherwise).
    nint _stackBlock;
    nint StackBlock => _stackBlock != 0 ? _stackBlock : _stackBlock = ShadowStack.CurrentBlock;

    int StackAt(int site)
    {
        int activation = ShadowStack.ActivationIn(StackBlock);
        // Fibonacci hashing: the sites of one loop are close IL offsets; the low bits alone collide.
        int slot = (int)(((uint)site * 0x9E3779B1u) >> 24);
        if (_cacheSites[slot] == site && _cacheActivations[slot] == activation && _cacheIds[slot] != 0) return _cacheIds[slot];
        int id = RaceThread.CaptureStack(site);
        _cacheSites[slot] = site;
        _cacheActivations[slot] = activation;
        _cacheIds[slot] = id;
        return id;
    }
}
