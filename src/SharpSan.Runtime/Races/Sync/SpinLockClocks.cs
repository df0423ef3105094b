using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// The clock of each SpinLock, keyed by where the struct lives, as the rewriter names it at the Enter call: (object,
/// field path) for a field of a class, (array, index and path) for an array element, the field path for a static.
/// A copy on the stack (a <c>readonly</c> field's defensive copy, a SpinLock passed by value) has no clock: it excludes
/// nobody.
/// <para>A SpinLock the rewriter could not locate (reached through a <c>ref</c> parameter or a pointer) is found by its
/// current address (<see cref="AtAddress"/>): the clock a located Enter last used there, else one clock shared by all
/// unlocated SpinLocks, which a located Enter at that address then also takes (its Exit releases into both). So the
/// same SpinLock entered both ways stays one lock; a stale address (the GC moved or reused it) only adds edges, which
/// can hide a race but never invents one.</para>
/// </summary>
internal static class SpinLockClocks
{
    sealed class PerObject
    {
        public readonly Dictionary<long, SyncClock> Clocks = [];
    }

    static readonly ConditionalWeakTable<object, PerObject> s_objects = new();
    static readonly ConcurrentDictionary<long, SyncClock> s_statics = new();
    const string Site = "SpinLockClocks";

    static readonly SyncClock s_unlocated = new();

    /// <summary>How the hybrid detector names a SpinLock (keyed by its clock) in reports.</summary>
    public const string Kind = "SpinLock";
    static readonly ConcurrentDictionary<nint, SyncClock> s_byAddress = new();

    /// <summary>Addresses remembered before the table starts over (objects come and go; the table must not grow forever).</summary>
    const int AddressCapacity = 1 << 16;

    /// <summary>
    /// The clock of the SpinLock at <paramref name="address"/>: for a located Enter (<paramref name="located"/> set) the
    /// clock unlocated Enters at that address used, if any (null when it is the located clock itself); for an unlocated
    /// one the clock to use.
    /// </summary>
    public static SyncClock? AtAddress(nint address, SyncClock? located)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            if (s_byAddress.Count >= AddressCapacity) s_byAddress.Clear();
            var clock = s_byAddress.GetOrAdd(address, located ?? s_unlocated);
            return located is not null && ReferenceEquals(clock, located) ? null : clock;
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
            return located is null ? new SyncClock() : null;
        }
    }

    /// <summary>The clock of the SpinLock at (owner, key); owner null: a static. After an internal error a private clock.</summary>
    public static SyncClock For(object? owner, long key)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            if (owner is null) return s_statics.GetOrAdd(key, static _ => new SyncClock());
            var clocks = s_objects.GetValue(owner, static _ => new PerObject()).Clocks;
            lock (clocks)
            {
                if (!clocks.TryGetValue(key, out var clock)) clocks[key] = clock = new SyncClock();
                return clock;
            }
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
            return new SyncClock();
        }
    }
}

/// <summary>
/// A thread's SpinLock bookkeeping: where the next Enter's SpinLock lives (set by the rewriter's call just before it)
/// and the SpinLocks it holds with their clocks, so that Exit releases into the clock Enter acquired without the
/// rewriter having to locate the Exit's receiver too. Exit finds its entry by address; when the GC moved the object
/// in between (or Exit runs on another copy) it releases into every clock the thread holds: extra edges, never a
/// missing one.
/// </summary>
internal sealed class SpinLockThreadState
{
    public enum Place : byte { Unlocated, Located, Copy }

    /// <summary>Where the SpinLock of one Enter lives, taken before the real Enter (which may throw).</summary>
    public readonly record struct Location(Place Place, object? Owner, long Key);

    [ThreadStatic] static SpinLockThreadState? t_current;

    public static SpinLockThreadState Current => t_current ??= new SpinLockThreadState();

    Place _place;
    object? _owner;
    long _key;

    // The last located clock: a thread mostly takes the same SpinLock again and again.
    object? _lastOwner;
    long _lastKey;
    SyncClock? _lastClock;

    const int Capacity = 8;
    readonly nint[] _addresses = new nint[Capacity];
    readonly SyncClock?[] _clocks = new SyncClock?[Capacity], _aliases = new SyncClock?[Capacity];
    int _held;

    public void Locate(object? owner, long key)
    {
        _place = Place.Located;
        _owner = owner;
        _key = key;
    }

    public void LocateCopy()
    {
        _place = Place.Copy;
        _owner = null;
    }

    /// <summary>The location the rewriter gave for this Enter; cleared so that it is used once.</summary>
    public Location TakeLocation()
    {
        var location = new Location(_place, _owner, _key);
        _place = Place.Unlocated;
        _owner = null;
        return location;
    }

    /// <summary>
    /// The clocks of the SpinLock at <paramref name="address"/> that this thread has just entered: its own (null for a
    /// copy) and, for a located one also entered unlocated elsewhere, the unlocated one's.
    /// </summary>
    public (SyncClock? Clock, SyncClock? Alias) ClocksOf(Location location, nint address)
    {
        switch (location.Place)
        {
            case Place.Copy: return (null, null);
            case Place.Unlocated: return (SpinLockClocks.AtAddress(address, null), null);
        }
        if (_lastClock is null || !ReferenceEquals(location.Owner, _lastOwner) || location.Key != _lastKey)
            (_lastOwner, _lastKey, _lastClock) = (location.Owner, location.Key, SpinLockClocks.For(location.Owner, location.Key));
        return (_lastClock, SpinLockClocks.AtAddress(address, _lastClock));
    }

    public void Entered(nint address, SyncClock? clock, SyncClock? alias)
    {
        if (_held == Capacity)
        {
            // Entered and never exited (a copy's Exit on yet another copy that threw): forget the oldest.
            Array.Copy(_addresses, 1, _addresses, 0, Capacity - 1);
            Array.Copy(_clocks, 1, _clocks, 0, Capacity - 1);
            Array.Copy(_aliases, 1, _aliases, 0, Capacity - 1);
            _held--;
        }
        _addresses[_held] = address;
        _clocks[_held] = clock;
        _aliases[_held] = alias;
        _held++;
    }

    /// <summary>The clocks Exit of the SpinLock at <paramref name="address"/> releases into, forgetting its entry.</summary>
    public void Exiting(nint address, RaceThread thread)
    {
        for (int i = _held - 1; i >= 0; i--)
        {
            if (_addresses[i] != address) continue;
            Release(i, thread);
            Forget(i);
            return;
        }
        for (int i = 0; i < _held; i++) Release(i, thread);
        if (_held > 0) Forget(_held - 1);
    }

    void Release(int index, RaceThread thread)
    {
        if (RaceOptions.Hybrid)
        {
            if (((object?)_clocks[index] ?? _aliases[index]) is { } key) Hybrid.HybridLocks.Releasing(thread, key, write: true, SpinLockClocks.Kind);
            return;
        }
        if (_clocks[index] is { } clock) thread.Release(clock);
        if (_aliases[index] is { } alias) thread.Release(alias);
    }

    void Forget(int index)
    {
        Array.Copy(_addresses, index + 1, _addresses, index, _held - index - 1);
        Array.Copy(_clocks, index + 1, _clocks, index, _held - index - 1);
        Array.Copy(_aliases, index + 1, _aliases, index, _held - index - 1);
        _held--;
        _clocks[_held] = _aliases[_held] = null;
    }
}
