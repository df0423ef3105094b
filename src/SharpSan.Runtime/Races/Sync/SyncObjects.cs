using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>The clock of each object used for synchronisation (a lock object, an event, a task), kept in a weak table.</summary>
internal static class SyncObjects
{
    static readonly ConditionalWeakTable<object, SyncClock> s_clocks = new();
    const string Site = "SyncObjects";

    /// <summary>The object's clock; after an internal error a clock of its own that nobody else sees (and race reports stop).</summary>
    public static SyncClock For(object o)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            return s_clocks.GetValue(o, static _ => new SyncClock());
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
            return new SyncClock();
        }
    }

    public static SyncClock? Existing(object o)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            return s_clocks.TryGetValue(o, out var clock) ? clock : null;
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
            return null;
        }
    }

    /// <summary>Makes <paramref name="clock"/> the clock of <paramref name="o"/> (a task bound to its work item's completion).</summary>
    public static void Bind(object o, SyncClock clock)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            s_clocks.AddOrUpdate(o, clock);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }
}

/// <summary>
/// Clocks of memory locations used atomically (Interlocked, Volatile, volatile fields): per (object, field) or
/// (array, index) when instrumented code could name the location, per field for statics, and one shared clock for
/// locations it could not name (a ref parameter) — coarser, so it can only hide races, never invent them.
/// </summary>
internal static class AtomicLocations
{
    sealed class PerObject
    {
        public readonly Dictionary<int, SyncClock> Clocks = [];
    }

    static readonly ConditionalWeakTable<object, PerObject> s_objects = new();
    static readonly ConcurrentDictionary<int, SyncClock> s_statics = new();

    public static SyncClock For(object? owner, int key)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            return ForChecked(owner, key);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
            return new SyncClock();
        }
    }

    const string Site = "AtomicLocations";

    static SyncClock ForChecked(object? owner, int key)
    {
        if (owner is null) return s_statics.GetOrAdd(key, static _ => new SyncClock());
        var clocks = s_objects.GetValue(owner, static _ => new PerObject()).Clocks;
        lock (clocks)
        {
            if (!clocks.TryGetValue(key, out var clock)) clocks[key] = clock = new SyncClock();
            return clock;
        }
    }
}
