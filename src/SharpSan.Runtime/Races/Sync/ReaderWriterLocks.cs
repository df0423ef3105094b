using System.Runtime.CompilerServices;
using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Sync;

/// <summary>
/// Reader/writer locks as ThreadSanitizer models them: readers do not synchronise with each other. Each lock has three
/// clocks: the write clock (the lock's own <see cref="SyncObjects"/> clock), which write-unlocks release into and every
/// acquire takes; the read clock, which read-unlocks release into and only write acquires take; and the upgradeable
/// clock, which orders upgradeable readers with each other (they exclude each other, not plain readers).
/// So a write done under a read lock races with the other readers, while reads under read locks and writes under the
/// write lock stay ordered. Callers record releases before the real release and acquires after the real acquire.
/// </summary>
internal static class ReaderWriterLocks
{
    sealed class SideClocks
    {
        public readonly SyncClock Read = new(), Upgradeable = new();
    }

    static readonly ConditionalWeakTable<object, SideClocks> s_side = new();
    const string Site = "ReaderWriterLocks";

    /// <summary>The read and upgradeable clocks; after an internal error, fresh ones (race reports stop then).</summary>
    static SideClocks SideOf(object rwLock)
    {
        try
        {
            Common.InternalErrors.Inject(Site);
            return s_side.GetValue(rwLock, static _ => new SideClocks());
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
            return new SideClocks();
        }
    }

    /// <summary>A reader sees what the last writer released, nothing of other readers.</summary>
    public static void ReadAcquired(object rwLock)
    {
        if (RaceOptions.Hybrid) Hybrid.HybridLocks.Acquired(RaceThread.Current, rwLock, write: false);
        else RaceThread.Current.Acquire(SyncObjects.For(rwLock));
    }

    /// <summary>A reader's past goes only to later writers.</summary>
    public static void ReadReleasing(object rwLock)
    {
        if (RaceOptions.Hybrid) Hybrid.HybridLocks.Releasing(RaceThread.Current, rwLock, write: false);
        else RaceThread.Current.Release(SideOf(rwLock).Read);
    }

    /// <summary>A writer sees every earlier writer and reader. <paramref name="ordered"/>: also tell the lock-order detector.</summary>
    public static void WriteAcquired(object rwLock, bool ordered = true)
    {
        if (ordered) Locks.Acquired(rwLock);
        else if (RaceOptions.Hybrid) Hybrid.HybridLocks.Acquired(RaceThread.Current, rwLock, write: true);
        else RaceThread.Current.Acquire(SyncObjects.For(rwLock));
        if (RaceOptions.Hybrid) Hybrid.HybridLocks.Acquired(RaceThread.Current, SideOf(rwLock).Upgradeable, write: true, UpgradeableKind(rwLock));
        else RaceThread.Current.Acquire(SideOf(rwLock).Read);
    }

    public static void WriteReleasing(object rwLock, bool ordered = true)
    {
        if (RaceOptions.Hybrid) Hybrid.HybridLocks.Releasing(RaceThread.Current, SideOf(rwLock).Upgradeable, write: true, UpgradeableKind(rwLock));
        if (ordered) Locks.Releasing(rwLock);
        else if (RaceOptions.Hybrid) Hybrid.HybridLocks.Releasing(RaceThread.Current, rwLock, write: true);
        else RaceThread.Current.Release(SyncObjects.For(rwLock));
    }

    /// <summary>
    /// An upgradeable reader is a reader that excludes other upgradeable readers (and writers). The hybrid detector
    /// sees it as the lock read-held plus a second lock, the upgradeable slot, write-held (the write lock holds that
    /// slot too): so its writes are protected from other upgradeable holders and writers, not from plain readers.
    /// </summary>
    public static void UpgradeableAcquired(object rwLock)
    {
        if (RaceOptions.Hybrid)
        {
            Locks.OrderAcquired(rwLock);
            Hybrid.HybridLocks.Acquired(RaceThread.Current, rwLock, write: false);
            Hybrid.HybridLocks.Acquired(RaceThread.Current, SideOf(rwLock).Upgradeable, write: true, UpgradeableKind(rwLock));
            return;
        }
        Locks.Acquired(rwLock);
        RaceThread.Current.Acquire(SideOf(rwLock).Upgradeable);
    }

    public static void UpgradeableReleasing(object rwLock)
    {
        Locks.OrderReleasing(rwLock);
        if (RaceOptions.Hybrid)
        {
            Hybrid.HybridLocks.Releasing(RaceThread.Current, SideOf(rwLock).Upgradeable, write: true, UpgradeableKind(rwLock));
            Hybrid.HybridLocks.Releasing(RaceThread.Current, rwLock, write: false);
            return;
        }
        var side = SideOf(rwLock);
        var thread = RaceThread.Current;
        thread.Release(side.Read);
        thread.Release(side.Upgradeable);
    }

    static string UpgradeableKind(object rwLock) => $"upgradeable slot of a {rwLock.GetType().Name}";
}
