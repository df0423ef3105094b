using System.Linq.Expressions;
using System.Reflection;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// ReaderWriterLockSlim, which follows <see cref="ReaderWriterLocks"/>: readers do not
/// order each other, so a write under a read lock races with the other readers. Write and upgradeable locks are seen
/// by the lock-order detector; read locks are not (two readers taking locks in opposite orders cannot deadlock on
/// them), as before. SpinLock is in <see cref="SpinLockInterceptors"/>.
/// </summary>
public static class LockInterceptors
{
    const string Rwls = "System.Threading.ReaderWriterLockSlim";

    static void ReadAcquired(ReaderWriterLockSlim l) => ReaderWriterLocks.ReadAcquired(l);

    static void ReadReleasing(ReaderWriterLockSlim l) => ReaderWriterLocks.ReadReleasing(l);

    static bool Took(ReaderWriterLockSlim l, bool taken)
    {
        if (taken) ReaderWriterLocks.WriteAcquired(l);
        return taken;
    }

    static bool TookUpgradeable(ReaderWriterLockSlim l, bool taken)
    {
        if (taken) ReaderWriterLocks.UpgradeableAcquired(l);
        return taken;
    }

    static bool TookRead(ReaderWriterLockSlim l, bool taken)
    {
        if (taken) ReadAcquired(l);
        return taken;
    }

    [Intercepts(Rwls, "EnterReadLock", Instance = true, Sanitizer = "thread")]
    public static void EnterReadLock(ReaderWriterLockSlim l)
    {
        l.EnterReadLock();
        ReadAcquired(l);
    }

    [Intercepts(Rwls, "TryEnterReadLock", Instance = true, Sanitizer = "thread")]
    public static bool TryEnterReadLock(ReaderWriterLockSlim l, int millisecondsTimeout) => TookRead(l, l.TryEnterReadLock(millisecondsTimeout));

    [Intercepts(Rwls, "TryEnterReadLock", Instance = true, Sanitizer = "thread")]
    public static bool TryEnterReadLock(ReaderWriterLockSlim l, TimeSpan timeout) => TookRead(l, l.TryEnterReadLock(timeout));

    [Intercepts(Rwls, "ExitReadLock", Instance = true, Sanitizer = "thread")]
    public static void ExitReadLock(ReaderWriterLockSlim l)
    {
        if (l.IsReadLockHeld) ReadReleasing(l);
        l.ExitReadLock();
    }

    [Intercepts(Rwls, "EnterWriteLock", Instance = true, Sanitizer = "thread")]
    public static void EnterWriteLock(ReaderWriterLockSlim l)
    {
        l.EnterWriteLock();
        ReaderWriterLocks.WriteAcquired(l);
    }

    [Intercepts(Rwls, "TryEnterWriteLock", Instance = true, Sanitizer = "thread")]
    public static bool TryEnterWriteLock(ReaderWriterLockSlim l, int millisecondsTimeout) => Took(l, l.TryEnterWriteLock(millisecondsTimeout));

    [Intercepts(Rwls, "TryEnterWriteLock", Instance = true, Sanitizer = "thread")]
    public static bool TryEnterWriteLock(ReaderWriterLockSlim l, TimeSpan timeout) => Took(l, l.TryEnterWriteLock(timeout));

    [Intercepts(Rwls, "ExitWriteLock", Instance = true, Sanitizer = "thread")]
    public static void ExitWriteLock(ReaderWriterLockSlim l)
    {
        if (l.IsWriteLockHeld) ReaderWriterLocks.WriteReleasing(l);
        l.ExitWriteLock();
    }

    [Intercepts(Rwls, "EnterUpgradeableReadLock", Instance = true, Sanitizer = "thread")]
    public static void EnterUpgradeableReadLock(ReaderWriterLockSlim l)
    {
        l.EnterUpgradeableReadLock();
        ReaderWriterLocks.UpgradeableAcquired(l);
    }

    [Intercepts(Rwls, "TryEnterUpgradeableReadLock", Instance = true, Sanitizer = "thread")]
    public static bool TryEnterUpgradeableReadLock(ReaderWriterLockSlim l, int millisecondsTimeout) =>
        TookUpgradeable(l, l.TryEnterUpgradeableReadLock(millisecondsTimeout));

    [Intercepts(Rwls, "TryEnterUpgradeableReadLock", Instance = true, Sanitizer = "thread")]
    public static bool TryEnterUpgradeableReadLock(ReaderWriterLockSlim l, TimeSpan timeout) =>
        TookUpgradeable(l, l.TryEnterUpgradeableReadLock(timeout));

    [Intercepts(Rwls, "ExitUpgradeableReadLock", Instance = true, Sanitizer = "thread")]
    public static void ExitUpgradeableReadLock(ReaderWriterLockSlim l)
    {
        if (l.IsUpgradeableReadLockHeld) ReaderWriterLocks.UpgradeableReleasing(l);
        l.ExitUpgradeableReadLock();
    }
}
