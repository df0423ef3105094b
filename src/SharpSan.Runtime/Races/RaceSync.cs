using SharpSan.Runtime.Races.Sync;

namespace SharpSan.Runtime.Races;

/// <summary>
/// Happens-before edges that instrumented code creates directly (not through an interceptor): atomic accesses
/// (volatile fields, Interlocked, Volatile) and async state machines suspending and resuming.
/// </summary>
public static class RaceSync
{
    // Every edge goes through RaceThread.Acquire/Release and the clock tables (SyncObjects, AtomicLocations), which
    // contain their own internal errors; what is left here cannot fail but for running out of memory.

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

    /// <summary>
    /// Before a read-modify-write of the location (owner, key), one that an acquire follows: release, and acquire
    /// what is there already (see RaceThread.ReleaseAcquire). Never before a store that only releases.
    /// </summary>
    public static void AtomicUpdate(object? owner, int key)
    {
        var thread = RaceThread.Current;
        thread.ReleaseAcquire(AtomicLocations.For(owner, key));
    }

    /// <summary>Before a read-modify-write of a field with a sync-clock slot; see <see cref="AtomicUpdate"/>.</summary>
    public static void AtomicUpdateAt(ref object? slot, RaceThread thread) => thread.ReleaseAcquire(ClockIn(ref slot));

    /// <summary>Before a store-release or read-modify-write of a field with a sync-clock slot (added by the rewriter).</summary>
    public static void AtomicReleaseAt(ref object? slot, RaceThread thread) => thread.Release(ClockIn(ref slot));

    /// <summary>After a load-acquire or read-modify-write of a field with a sync-clock slot.</summary>
    public static void AtomicAcquireAt(ref object? slot, RaceThread thread) => thread.Acquire(ClockIn(ref slot));

    static Shadow.SyncClock ClockIn(ref object? slot) => Volatile.Read(ref slot) as Shadow.SyncClock ?? CreateIn(ref slot);

    /// <summary>The slot may hold something else than a clock only if the program wrote it (it is ours): then a private clock.</summary>
    static Shadow.SyncClock CreateIn(ref object? slot)
    {
        var clock = new Shadow.SyncClock();
        return Interlocked.CompareExchange(ref slot, clock, null) as Shadow.SyncClock ?? clock;
    }

    // Type constructors: one clock for all of them (coarser than one per type: it can hide a race, never invent one),
    // and a count of those finished, so a thread that is up to date pays two loads and a compare per static access.
    static readonly Shadow.SyncClock s_typeInitialization = new();
    static int s_typeConstructorsDone;

    /// <summary>At the end of a type constructor in checked code.</summary>
    public static void StaticConstructorDone()
    {
        RaceThread.Current.Release(s_typeInitialization);
        Interlocked.Increment(ref s_typeConstructorsDone);
    }

    /// <summary>Before an access to a static of a type that has a type constructor.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void StaticsReady(RaceThread thread)
    {
        if (thread.TypeConstructorsSeen != Volatile.Read(ref s_typeConstructorsDone)) AcquireTypeInitialization(thread);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static void AcquireTypeInitialization(RaceThread thread)
    {
        int done = Volatile.Read(ref s_typeConstructorsDone);   // read first: a constructor finishing now is acquired next time
        thread.Acquire(s_typeInitialization);
        thread.TypeConstructorsSeen = done;
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
