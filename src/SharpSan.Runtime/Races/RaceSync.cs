using SharpSan.Runtime.Races.Sync;

namespace SharpSan.Runtime.Races;

/// <summary>
/// Happens-before edges that instrumented code creates directly (not through an interceptor): atomic accesses
/// (volatile fields, Interlocked, Volatile) and async state machines suspending and resuming.
/// </summary>
public static class RaceSync
{
    /// <summary>Before a store-release or a read-modify-write of the location (owner, key).</summary>
    public static void AtomicRelease(object? owner, int key)
    {
        var thread = RaceThread.Current;
        thread.Release(AtomicLocations.For(owner, key));
    }

    /// <summary>After a load-acquire or a read-modify-write of the location (owner, key).</summary>
    public static void AtomicAcquire(object? owner, int key)
    {
        var thread = RaceThread.Current;
        thread.Acquire(AtomicLocations.For(owner, key));
    }

    /// <summary>Before a store-release or read-modify-write of a field with a sync-clock slot (added by the rewriter).</summary>
    public static void AtomicReleaseAt(ref object? slot, RaceThread thread) => thread.Release(ClockIn(ref slot));

    /// <summary>After a load-acquire or read-modify-write of a field with a sync-clock slot.</summary>
    public static void AtomicAcquireAt(ref object? slot, RaceThread thread) => thread.Acquire(ClockIn(ref slot));

    static Shadow.SyncClock ClockIn(ref object? slot) => Volatile.Read(ref slot) as Shadow.SyncClock ?? CreateIn(ref slot);

    static Shadow.SyncClock CreateIn(ref object? slot)
    {
        var clock = new Shadow.SyncClock();
        return Interlocked.CompareExchange(ref slot, clock, null) as Shadow.SyncClock ?? clock;
    }

    /// <summary>
    /// An async method is about to suspend at an await: what it did so far happens before its continuation, whichever
    /// thread runs it. The clock lives in a field the rewriter adds to the state machine, so it travels with it.
    /// </summary>
    public static void Suspend(ref object? flow)
    {
        var clock = flow as Shadow.SyncClock;
        if (clock is null) flow = clock = new Shadow.SyncClock();
        RaceThread.Current.Release(clock);
    }

    /// <summary>At the start of an async state machine's MoveNext: continue after what ran before the await.</summary>
    public static void Resume(object? flow)
    {
        if (flow is Shadow.SyncClock clock) RaceThread.Current.Acquire(clock);
    }
}
