namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// Mutual exclusion as ThreadSanitizer sees it: releasing a lock releases the thread's clock into the lock's clock,
/// acquiring it acquires that clock. Interceptors call <see cref="Releasing"/> before the real release and
/// <see cref="Acquired"/> after the real acquire, so the edge is in place before another thread can get the lock.
/// </summary>
internal static class Locks
{
    public static void Acquired(object lockObject)
    {
        var thread = RaceThread.Current;
        thread.Acquire(SyncObjects.For(lockObject));
        LockAcquired?.Invoke(thread, lockObject);
    }

    public static void Releasing(object lockObject)
    {
        var thread = RaceThread.Current;
        LockReleased?.Invoke(thread, lockObject);
        thread.Release(SyncObjects.For(lockObject));
    }

    /// <summary>Hooks for the lock-order (deadlock) detector.</summary>
    public static event Action<RaceThread, object>? LockAcquired, LockReleased;
}
