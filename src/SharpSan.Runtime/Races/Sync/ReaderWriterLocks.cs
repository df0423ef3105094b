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
    public static void ReadAcquired(object rwLock) => RaceThread.Current.Acquire(SyncObjects.For(rwLock));

    /// <summary>A reader's past goes only to later writers.</summary>
    public static void ReadReleasing(object rwLock) => RaceThread.Current.Release(SideOf(rwLock).Read);

    /// <summary>A writer sees every earlier writer and reader. <paramref name="ordered"/>: also tell the lock-order detector.</summary>
    public static void WriteAcquired(object rwLock, bool ordered = true)
    {
        if (ordered) Locks.Acquired(rwLock);
        else RaceThread.Current.Acquire(SyncObjects.For(rwLock));
        RaceThread.Current.Acquire(SideOf(rwLock).Read);
    }

    public static void WriteReleasing(object rwLock, bool ordered = true)
    {
        if (ordered) Locks.Releasing(rwLock);
        else RaceThread.Current.Release(SyncObjects.For(rwLock));
    }

    /// <summary>An upgradeable reader is a reader that excludes other upgradeable readers (and writers).</summary>
    public static void UpgradeableAcquired(object rwLock)
    {
        Locks.Acquired(rwLock);
        RaceThread.Current.Acquire(SideOf(rwLock).Upgradeable);
    }

    public static void UpgradeableReleasing(object rwLock)
    {
        Locks.OrderReleasing(rwLock);
        var side = SideOf(rwLock);
        var thread = RaceThread.Current;
        thread.Release(side.Read);
        thread.Release(side.Upgradeable);
    }
}
