using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races.Hybrid;

/// <summary>
/// race_detector=hybrid (TSan v1, Helgrind, Eraser): locks contribute locksets instead of happens-before edges. The
/// lock interceptors call <see cref="Acquired"/> and <see cref="Releasing"/> instead of joining and releasing clocks;
/// a change of lockset starts a new epoch, so FastTrack's same-epoch fast path stays exact and the lockset of any
/// access follows from its epoch (<see cref="LocksetTimeline"/>). FastTrack then reports a pair unordered by the
/// remaining happens-before only when <see cref="Guarded"/> finds no lock common to both sides.
/// </summary>
internal static class HybridLocks
{
    static HeldLocks StateOf(RaceThread thread) => thread.HeldLocks ??= new HeldLocks();

    /// <summary>After the real acquisition of <paramref name="key"/> (<paramref name="write"/>: exclusive, else read-held).
    /// An internal error here stops race reports: a lockset missing a lock could invent a race.</summary>
    public static void Acquired(RaceThread thread, object key, bool write, string? kind = null)
    {
        if (thread.IgnoreAll > 0) return;
        try
        {
            Common.InternalErrors.Inject(Site);
            var info = LockRegistry.For(key, kind);
            info.LastStack = thread.History.CurrentStack();
            info.LastTid = thread.Tid;
            var held = StateOf(thread);
            if (held.Add(info.Id, write)) NewEpoch(thread, held);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    /// <summary>Before the real release.</summary>
    public static void Releasing(RaceThread thread, object key, bool write, string? kind = null)
    {
        if (thread.HeldLocks is not { } held) return;   // also under IgnoreAll: a hold taken before must end
        try
        {
            Common.InternalErrors.Inject(Site);
            if (held.Remove(LockRegistry.For(key, kind).Id, write)) NewEpoch(thread, held);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    const string Site = "HybridLocks";

    static void NewEpoch(RaceThread thread, HeldLocks held)
    {
        thread.Tick();
        held.Timeline.Append(Epoch.Clock(thread.Epoch), held.All, held.Writes);
    }

    /// <summary>
    /// Whether this thread's access (a write when <paramref name="write"/>) and the earlier one at <paramref name="previous"/>
    /// hold a lock in common: a write counts its write-held locks, a read every lock it holds (Helgrind's rule: a read
    /// lock protects reads from writes under the write lock, never two writes).
    /// </summary>
    public static bool Guarded(RaceThread thread, bool write, long previous, bool previousWrite)
    {
        int mine = Current(thread, write);
        if (!TryLocksetOf(previous, previousWrite, out int theirs)) return true;   // forgotten: stay quiet
        return Locksets.Share(mine, theirs);
    }

    static int Current(RaceThread thread, bool write) =>
        thread.HeldLocks is { } held ? (write ? held.Writes : held.All) : 0;

    static bool TryLocksetOf(long epoch, bool write, out int set)
    {
        set = 0;
        var other = RaceThread.Find(Epoch.Tid(epoch));
        if (other?.HeldLocks is not { } held) return true;   // that thread never took a lock
        if (!held.Timeline.TryFind(Epoch.Clock(epoch), out int all, out int writes)) return false;
        set = write ? writes : all;
        return true;
    }

    /// <summary>What a report says about the pair: the locks each side held.</summary>
    public static LocksetEvidence Evidence(RaceThread thread, bool write, long previous, bool previousWrite)
    {
        TryLocksetOf(previous, previousWrite, out int theirs);
        return new LocksetEvidence(Locksets.Members(Current(thread, write)), Locksets.Members(theirs));
    }
}
