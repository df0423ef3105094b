using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>The clock of each object used for synchronisation (a lock object, an event, a task), kept in a weak table.</summary>
internal static class SyncObjects
{
    static readonly ConditionalWeakTable<object, SyncClock> s_clocks = new();

    public static SyncClock For(object o) => s_clocks.GetValue(o, static _ => new SyncClock());

    public static SyncClock? Existing(object o) => s_clocks.TryGetValue(o, out var clock) ? clock : null;

    /// <summary>Makes <paramref name="clock"/> the clock of <paramref name="o"/> (a task bound to its work item's completion).</summary>
    public static void Bind(object o, SyncClock clock) => s_clocks.AddOrUpdate(o, clock);
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
        if (owner is null) return s_statics.GetOrAdd(key, static _ => new SyncClock());
        var clocks = s_objects.GetValue(owner, static _ => new PerObject()).Clocks;
        lock (clocks)
        {
            if (!clocks.TryGetValue(key, out var clock)) clocks[key] = clock = new SyncClock();
            return clock;
        }
    }
}
