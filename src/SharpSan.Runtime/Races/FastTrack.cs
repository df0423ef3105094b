using System.Runtime.CompilerServices;
using SharpSan.Runtime.Races.Hybrid;
using SharpSan.Runtime.Races.Reports;
using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races;

/// <summary>
/// FastTrack's (Flanagan and Freund, PLDI'09) out-of-line rules, reached when an access is not in the cell's epoch.
/// Writes compare against the last write epoch and the last read epoch (or the read vector clock when reads are
/// shared); reads compare against the last write and either keep one read epoch (ordered reads) or inflate to a
/// vector clock (concurrent reads). Every cell change is recorded in the thread's history for later reports.
/// </summary>
internal static class FastTrack
{
    /// <summary>The out-of-line access checks: an internal error leaves the access unrecorded, and race reports stop
    /// (a cell may be left half-updated).</summary>
    const string Site = "FastTrack";

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ReadField(RaceThread thread, ref RaceCell cell, object owner, int site)
    {
        if (Common.InternalErrors.HasLost(Common.LostTracking.Synchronisation)) return;   // nothing could be reported any more
        try
        {
            Common.InternalErrors.Inject(Site);
            if (thread.IgnoreReads + thread.IgnoreAll > 0 || InSharedEpoch(thread, cell.Read)) return;
            Read(thread, ref cell, Variable.Field(owner, ref cell), site);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void WriteField(RaceThread thread, ref RaceCell cell, object owner, int site)
    {
        if (Common.InternalErrors.HasLost(Common.LostTracking.Synchronisation)) return;   // nothing could be reported any more
        try
        {
            Common.InternalErrors.Inject(Site);
            if (thread.IgnoreAll > 0) return;
            Write(thread, ref cell, Variable.Field(owner, ref cell), site);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ReadStatic(RaceThread thread, ref RaceCell cell, int site)
    {
        if (Common.InternalErrors.HasLost(Common.LostTracking.Synchronisation)) return;   // nothing could be reported any more
        try
        {
            Common.InternalErrors.Inject(Site);
            if (thread.IgnoreReads + thread.IgnoreAll > 0 || InSharedEpoch(thread, cell.Read)) return;
            Read(thread, ref cell, Variable.Static(ref cell), site);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void WriteStatic(RaceThread thread, ref RaceCell cell, int site)
    {
        if (Common.InternalErrors.HasLost(Common.LostTracking.Synchronisation)) return;   // nothing could be reported any more
        try
        {
            Common.InternalErrors.Inject(Site);
            if (thread.IgnoreAll > 0) return;
            Write(thread, ref cell, Variable.Static(ref cell), site);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ReadElement(RaceThread thread, ref RaceCell cell, Array array, ArrayShadow shadow, int index, int site)
    {
        if (Common.InternalErrors.HasLost(Common.LostTracking.Synchronisation)) return;   // nothing could be reported any more
        try
        {
            Common.InternalErrors.Inject(Site);
            if (thread.IgnoreReads + thread.IgnoreAll > 0 || InSharedEpoch(thread, cell.Read)) return;
            Read(thread, ref cell, Variable.Element(array, shadow, index), site);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void WriteElement(RaceThread thread, ref RaceCell cell, Array array, ArrayShadow shadow, int index, int site)
    {
        if (Common.InternalErrors.HasLost(Common.LostTracking.Synchronisation)) return;   // nothing could be reported any more
        try
        {
            Common.InternalErrors.Inject(Site);
            if (thread.IgnoreAll > 0) return;
            Write(thread, ref cell, Variable.Element(array, shadow, index), site);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    /// <summary>A call on a non-thread-safe collection (one cell per collection); <paramref name="api"/> is the synthetic frame.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ReadCollection(RaceThread thread, ref RaceCell cell, object collection, int id, int site, string api)
    {
        if (Common.InternalErrors.HasLost(Common.LostTracking.Synchronisation)) return;   // nothing could be reported any more
        try
        {
            Common.InternalErrors.Inject(Site);
            if (thread.IgnoreReads + thread.IgnoreAll > 0 || InSharedEpoch(thread, cell.Read)) return;
            Read(thread, ref cell, Variable.Collection(collection, id), site, api);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void WriteCollection(RaceThread thread, ref RaceCell cell, object collection, int id, int site, string api)
    {
        if (Common.InternalErrors.HasLost(Common.LostTracking.Synchronisation)) return;   // nothing could be reported any more
        try
        {
            Common.InternalErrors.Inject(Site);
            if (thread.IgnoreAll > 0) return;
            Write(thread, ref cell, Variable.Collection(collection, id), site, api);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    /// <summary>
    /// An atomic access: checked against plain writes (and, when it stores, plain reads: report_atomic_races=2) that do
    /// not happen before it;
    /// an access is kept in the cell flagged atomic (a store in the write epoch, a load in the read epoch), so later
    /// plain accesses still see it and atomic ones skip it.
    /// </summary>
    public static void Atomic(RaceThread thread, ref RaceCell cell, in Variable variable, int site, bool write)
    {
        if (Common.InternalErrors.HasLost(Common.LostTracking.Synchronisation)) return;   // nothing could be reported any more
        try
        {
            Common.InternalErrors.Inject(Site);
            if (RaceOptions.Stats) thread.Accesses++;   // never same-epoch: the flag makes the cell differ from any epoch
            if (thread.IgnoreAll > 0) return;
            long epoch = thread.Epoch;
            long previous = Volatile.Read(ref cell.Write);
            if (previous != 0 && !Epoch.IsAtomic(previous) && Unordered(thread, write, previous, previousWrite: true) && RaceOptions.ReportsAtomicRace(plainWrites: true))
                RaceReporter.Report(thread, ref cell, variable, site, isWrite: write, previous: previous, previousWrite: true, atomic: true);
            if (!write)
            {
                RecordAtomicRead(thread, ref cell, variable, epoch, site);
                return;
            }
            long read = cell.Read;
            if (read > 0 && !Epoch.IsAtomic(read) && Unordered(thread, true, read, previousWrite: false) && RaceOptions.ReportsAtomicRace(plainWrites: false))
                RaceReporter.Report(thread, ref cell, variable, site, isWrite: true, previous: read, previousWrite: false, atomic: true);
            thread.History.Record(variable.Key, Epoch.Clock(epoch), site, write: true);
            Volatile.Write(ref cell.Write, epoch | Epoch.AtomicFlag);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(Site, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    /// <summary>
    /// Keeps an atomic load in the read epoch, flagged, so that a later plain write not ordered after it is reported
    /// (TSan: an atomic read races with a plain write) and an atomic write is not. Under report_atomic_races=0 nothing
    /// could report it, so it is not kept. A shared read clock has no room for the flag: there the load counts as a
    /// plain read, which changes nothing under 1 (a plain write reports either, an atomic write neither) and only the
    /// report's wording under 2; for the same reason a known plain read is replaced only under 1.
    /// </summary>
    static void RecordAtomicRead(RaceThread thread, ref RaceCell cell, in Variable variable, long epoch, int site)
    {
        if (RaceOptions.AtomicRaces == 0) return;
        long read = cell.Read;
        if (read == epoch || read == (epoch | Epoch.AtomicFlag)) return;   // this epoch's read is there already
        bool known = read > 0 && thread.Knows(read);
        if (known && !Epoch.IsAtomic(read) && RaceOptions.AtomicRaces != 1) return;   // the plain read must stay
        thread.History.Record(variable.Key, Epoch.Clock(epoch), site, write: false);
        if (read == 0 || known) cell.Read = epoch | Epoch.AtomicFlag;
        else if (read < 0) ReadClocks.Set(read, thread.Tid, Epoch.Clock(epoch));
        else cell.Read = ReadClocks.Inflate(read, epoch);
    }

    /// <summary>
    /// Whether the earlier access races with this one as far as ordering goes: happens-before does not order them and,
    /// under race_detector=hybrid (where locks give no happens-before), they hold no lock in common.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool Unordered(RaceThread thread, bool write, long previous, bool previousWrite) =>
        !thread.Knows(previous) && !(RaceOptions.Hybrid && HybridLocks.Guarded(thread, write, previous, previousWrite));

    /// <summary>
    /// FastTrack's "read shared same epoch": the variable's reads are shared and this thread's entry already holds its
    /// current clock. Cheap enough to test before anything else (closure fields read by every worker land here).
    /// </summary>
    static bool InSharedEpoch(RaceThread thread, long read)
    {
        if (read >= 0 || !ReadClocks.Holds(read, thread.Tid, Epoch.Clock(thread.Epoch))) return false;
        if (RaceOptions.Stats) thread.SameEpoch++;
        return true;
    }

    /// <summary>An element access may extend the history's newest run (a loop over a slice: one entry, not one per element).</summary>
    static void Record(RaceThread thread, in Variable variable, int clock, int site, bool write)
    {
        if (variable.Kind == VariableKind.Element) thread.History.RecordElement(variable.Key, clock, site, write);
        else thread.History.Record(variable.Key, clock, site, write);
    }

    static void Read(RaceThread thread, ref RaceCell cell, in Variable variable, int site, string? api = null)
    {
        long epoch = thread.Epoch;
        long write = Volatile.Read(ref cell.Write);
        if (write != 0 && Unordered(thread, false, write, previousWrite: true) && (!Epoch.IsAtomic(write) || RaceOptions.ReportsAtomicRace(plainWrites: false)))
            RaceReporter.Report(thread, ref cell, variable, site, isWrite: false, previous: write, previousWrite: true, api);
        // History first: a thread that conflicts as soon as the cell changes must find this access's stack.
        if (api is null) Record(thread, variable, Epoch.Clock(epoch), site, write: false);
        else thread.History.RecordStack(variable.Key, Epoch.Clock(epoch), RaceThread.CaptureStackAt(api, site), write: false);
        long read = cell.Read;
        if (read < 0)
        {
            ReadClocks.Set(read, thread.Tid, Epoch.Clock(epoch));   // O(1): only this thread's entry
        }
        else if (read == 0 || thread.Knows(read))
        {
            cell.Read = epoch;
        }
        else
        {
            cell.Read = ReadClocks.Inflate(read, epoch);
            if (RaceOptions.Stats) thread.VectorPath++;
        }
    }

    static void Write(RaceThread thread, ref RaceCell cell, in Variable variable, int site, string? api = null)
    {
        long epoch = thread.Epoch;
        long write = Volatile.Read(ref cell.Write);
        if (write != 0 && Unordered(thread, true, write, previousWrite: true) && (!Epoch.IsAtomic(write) || RaceOptions.ReportsAtomicRace(plainWrites: true)))
            RaceReporter.Report(thread, ref cell, variable, site, isWrite: true, previous: write, previousWrite: true, api);
        long read = cell.Read;
        if (read < 0)
        {
            var clock = ReadClocks.Get(read);
            long racing = 0;
            lock (clock)
            {
                for (int tid = 0; tid < clock.Length; tid++)
                {
                    int c = clock[tid];
                    if (c > thread.Clock[tid] && tid != thread.Tid && !(RaceOptions.Hybrid && HybridLocks.Guarded(thread, true, Epoch.Of(tid, c), false)))
                        racing = Epoch.Of(tid, c);
                }
            }
            if (racing != 0)
                RaceReporter.Report(thread, ref cell, variable, site, isWrite: true, previous: racing, previousWrite: false, api);
            ReadClocks.Free(read);
            cell.Read = 0;
            if (RaceOptions.Stats) thread.VectorPath++;
        }
        else if (read != 0 && Unordered(thread, true, read, previousWrite: false) && (!Epoch.IsAtomic(read) || RaceOptions.ReportsAtomicRace(plainWrites: true)))
        {
            RaceReporter.Report(thread, ref cell, variable, site, isWrite: true, previous: read, previousWrite: false, api);
        }
        if (api is null) Record(thread, variable, Epoch.Clock(epoch), site, write: true);
        else thread.History.RecordStack(variable.Key, Epoch.Clock(epoch), RaceThread.CaptureStackAt(api, site), write: true);
        Volatile.Write(ref cell.Write, epoch);   // after the history, so a conflicting thread finds this stack
    }
}
