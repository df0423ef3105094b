namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// Mutual exclusion as ThreadSanitizer sees it: releasing a lock releases the thread's clock into the lock's clock,
/// acquiring it acquires that clock. Interceptors call <see cref="Releasing"/> before the real release and
/// <see cref="Acquired"/> after the real acquire, so the edge is in place before another thread can get the lock.
/// Under race_detector=hybrid a lock gives a lockset instead (<see cref="Hybrid.HybridLocks"/>); its release still
/// goes into the lock's clock, which only a return from Monitor.Wait acquires (a condition variable's signal).
/// </summary>
internal static class Locks
{
    const string Site = "Locks";

    public static void Acquired(object lockObject)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            var thread = RaceThread.Current;
            if (RaceOptions.Hybrid) Hybrid.HybridLocks.Acquired(thread, lockObject, write: true);
            else thread.Acquire(ClockOf(thread, lockObject));
            LockAcquired?.Invoke(thread, lockObject);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    public static void Releasing(object lockObject)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            var thread = RaceThread.Current;
            LockReleased?.Invoke(thread, lockObject);
            if (RaceOptions.Hybrid) Hybrid.HybridLocks.Releasing(thread, lockObject, write: true);
            thread.Release(ClockOf(thread, lockObject));
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    /// <summary>Tells only the lock-order detector that the lock was acquired (the hybrid detector's upgradeable read lock).</summary>
    public static void OrderAcquired(object lockObject)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            LockAcquired?.Invoke(RaceThread.Current, lockObject);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    /// <summary>
    /// Tells only the lock-order detector that the lock is being released, for a lock whose clocks the caller handles
    /// (an upgradeable read lock releases into its reader/writer lock's read clock, see <see cref="ReaderWriterLocks"/>).
    /// </summary>
    public static void OrderReleasing(object lockObject)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            LockReleased?.Invoke(RaceThread.Current, lockObject);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    /// <summary>
    /// After Monitor.Wait returns: the clock of the lock's releases, so a waiter sees what the pulsing thread did while
    /// it held the lock. Only the hybrid detector needs it (FastTrack's <see cref="Acquired"/> takes that clock anyway).
    /// </summary>
    public static void WaitReturned(object lockObject)
    {
        if (!RaceOptions.Hybrid) return;
        try
        {
            Common.InternalErrors.Inject(Site);
            var thread = RaceThread.Current;
            thread.Acquire(ClockOf(thread, lockObject));
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    /// <summary>A thread mostly takes the same lock again and again: it remembers the last one's clock.</summary>
    static Shadow.SyncClock ClockOf(RaceThread thread, object lockObject)
    {
        if (ReferenceEquals(thread.LastLockClockOwner, lockObject)) return thread.LastLockClock!;
        var clock = SyncObjects.For(lockObject);
        thread.LastLockClockOwner = lockObject;
        thread.LastLockClock = clock;
        return clock;
    }

    /// <summary>Hooks for the lock-order (deadlock) detector.</summary>
    public static event Action<RaceThread, object>? LockAcquired, LockReleased;
}
