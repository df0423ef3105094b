namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// System.Threading.ReaderWriterLock (the old class), modelled as <see cref="ReaderWriterLocks"/>: readers do not
/// order each other. A reader lock taken while holding the writer lock counts as the writer lock (the real class does
/// the same), and UpgradeToWriterLock gives the reader lock up before it takes the writer lock (another writer can get
/// in between). The lock-order detector does not follow this class: ReleaseLock/RestoreLock drop and restore any
/// number of nested acquisitions at once.
/// </summary>
public static class ReaderWriterLockInterceptors
{
    const string Rwl = "System.Threading.ReaderWriterLock";

    static void ReaderAcquired(ReaderWriterLock l) => ReaderWriterLocks.ReadAcquired(l);

    static void WriterAcquired(ReaderWriterLock l) => ReaderWriterLocks.WriteAcquired(l, ordered: false);

    /// <summary>Releases what the thread holds: as the writer if it holds the writer lock, else as a reader.</summary>
    static void Releasing(ReaderWriterLock l)
    {
        if (l.IsWriterLockHeld) ReaderWriterLocks.WriteReleasing(l, ordered: false);
        else if (l.IsReaderLockHeld) ReaderWriterLocks.ReadReleasing(l);
    }

    /// <summary>Acquires as what the thread now holds (after RestoreLock, a downgrade).</summary>
    static void AcquiredAsHeld(ReaderWriterLock l)
    {
        if (l.IsWriterLockHeld) WriterAcquired(l);
        else if (l.IsReaderLockHeld) ReaderAcquired(l);
    }

    [Intercepts(Rwl, "AcquireReaderLock", Instance = true, Sanitizer = "thread")]
    public static void AcquireReaderLock(ReaderWriterLock l, int millisecondsTimeout)
    {
        l.AcquireReaderLock(millisecondsTimeout);
        ReaderAcquired(l);
    }

    [Intercepts(Rwl, "AcquireReaderLock", Instance = true, Sanitizer = "thread")]
    public static void AcquireReaderLock(ReaderWriterLock l, TimeSpan timeout)
    {
        l.AcquireReaderLock(timeout);
        ReaderAcquired(l);
    }

    [Intercepts(Rwl, "ReleaseReaderLock", Instance = true, Sanitizer = "thread")]
    public static void ReleaseReaderLock(ReaderWriterLock l)
    {
        Releasing(l);
        l.ReleaseReaderLock();
    }

    [Intercepts(Rwl, "AcquireWriterLock", Instance = true, Sanitizer = "thread")]
    public static void AcquireWriterLock(ReaderWriterLock l, int millisecondsTimeout)
    {
        l.AcquireWriterLock(millisecondsTimeout);
        WriterAcquired(l);
    }

    [Intercepts(Rwl, "AcquireWriterLock", Instance = true, Sanitizer = "thread")]
    public static void AcquireWriterLock(ReaderWriterLock l, TimeSpan timeout)
    {
        l.AcquireWriterLock(timeout);
        WriterAcquired(l);
    }

    [Intercepts(Rwl, "ReleaseWriterLock", Instance = true, Sanitizer = "thread")]
    public static void ReleaseWriterLock(ReaderWriterLock l)
    {
        if (l.IsWriterLockHeld) ReaderWriterLocks.WriteReleasing(l, ordered: false);
        l.ReleaseWriterLock();
    }

    [Intercepts(Rwl, "UpgradeToWriterLock", Instance = true, Sanitizer = "thread")]
    public static LockCookie UpgradeToWriterLock(ReaderWriterLock l, int millisecondsTimeout)
    {
        Releasing(l);
        var cookie = l.UpgradeToWriterLock(millisecondsTimeout);
        WriterAcquired(l);
        return cookie;
    }

    [Intercepts(Rwl, "UpgradeToWriterLock", Instance = true, Sanitizer = "thread")]
    public static LockCookie UpgradeToWriterLock(ReaderWriterLock l, TimeSpan timeout)
    {
        Releasing(l);
        var cookie = l.UpgradeToWriterLock(timeout);
        WriterAcquired(l);
        return cookie;
    }

    [Intercepts(Rwl, "DowngradeFromWriterLock", Instance = true, Sanitizer = "thread")]
    public static void DowngradeFromWriterLock(ReaderWriterLock l, ref LockCookie lockCookie)
    {
        Releasing(l);
        l.DowngradeFromWriterLock(ref lockCookie);
        AcquiredAsHeld(l);
    }

    [Intercepts(Rwl, "ReleaseLock", Instance = true, Sanitizer = "thread")]
    public static LockCookie ReleaseLock(ReaderWriterLock l)
    {
        Releasing(l);
        return l.ReleaseLock();
    }

    [Intercepts(Rwl, "RestoreLock", Instance = true, Sanitizer = "thread")]
    public static void RestoreLock(ReaderWriterLock l, ref LockCookie lockCookie)
    {
        l.RestoreLock(ref lockCookie);
        AcquiredAsHeld(l);
    }
}
