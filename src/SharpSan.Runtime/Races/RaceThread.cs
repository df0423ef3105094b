using System.Runtime.CompilerServices;
using SharpSan.Runtime.Common.Stacks;
using SharpSan.Runtime.Common.Threads;
using SharpSan.Runtime.Races.Shadow;

namespace SharpSan.Runtime.Races;

/// <summary>
/// ThreadSanitizer's state of one thread: its id (the same T-number AddressSanitizer reports use), its vector clock and
/// current epoch, its access history, and where it was created (or where its current work item was queued).
/// <para>Public only as an opaque handle: instrumented methods fetch it once (<see cref="RaceChecks.Thread"/>) and pass
/// it to every check, so a check does not pay a thread-local lookup.</para>
/// </summary>
public sealed class RaceThread
{
    [ThreadStatic] static RaceThread? t_current;

    static RaceThread?[] s_all = new RaceThread?[64];
    static readonly object s_lock = new();

    internal readonly int Tid;
    internal readonly int OsTid;
    internal readonly VectorClock Clock;
    /// <summary>(Tid &lt;&lt; 32) | Clock[Tid]; compared with shadow cells on every access.</summary>
    internal long Epoch;
    internal readonly AccessHistory History;
    /// <summary>Nesting depth of IgnoreReadsBegin/End (annotations): reads are neither checked nor recorded.</summary>
    internal int IgnoreReads;
    /// <summary>Nesting depth of regions whose accesses are not checked at all (runtime callbacks, [NoSanitize]).</summary>
    internal int IgnoreAll;
    internal bool Finished;

    /// <summary>Thread that created this one (or queued its current work item), -1 when unknown.</summary>
    internal int CreatorTid = -1;
    /// <summary>Stack depot id of the creation (Thread.Start) or of the queueing of the current work item.</summary>
    internal int CreationStack;
    internal bool CreatedByThreadPool;

    // ArrayShadows' one-entry cache: loops touch one array many times.
    internal Array? LastArray;
    internal ArrayShadow? LastShadow;

    // The last lock this thread took, its clock and its lock-graph id (Locks, LockOrderDetector): skips two weak-table
    // lookups per lock operation in the common case of one lock taken repeatedly.
    internal object? LastLockClockOwner;
    internal SyncClock? LastLockClock;
    internal object? LastLock;
    internal int LastLockId;
    /// <summary>How many type constructors had finished when this thread last acquired their clock (RaceSync.StaticsReady).</summary>
    internal int TypeConstructorsSeen;
    /// <summary>The lock-order detector's record of the locks this thread holds.</summary>
    internal object? LockOrderState;
    /// <summary>race_detector=hybrid: the locks this thread holds and its locksets over time (null until it takes one).</summary>
    internal Hybrid.HeldLocks? HeldLocks;

    // Per-thread statistics (race_stats=1), summed at exit.
    internal long Accesses, SameEpoch, VectorPath;

    RaceThread(int tid)
    {
        Tid = tid;
        OsTid = Environment.CurrentManagedThreadId;
        Clock = new VectorClock(tid + 1);
        Clock[tid] = 1;
        Epoch = Shadow.Epoch.Of(tid, 1);
        History = new AccessHistory(RaceOptions.HistoryEntries);
    }

    internal static RaceThread Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => t_current ?? Attach();
    }

    /// <summary>The largest thread id that ran checked code so far.</summary>
    internal static int HighestTid => Volatile.Read(ref s_highestTid);
    static int s_highestTid;

    /// <summary>The thread with id <paramref name="tid"/>, if it ever ran checked code.</summary>
    internal static RaceThread? Find(int tid)
    {
        var all = Volatile.Read(ref s_all);
        return (uint)tid < (uint)all.Length ? all[tid] : null;
    }

    internal static IEnumerable<RaceThread> All()
    {
        var all = Volatile.Read(ref s_all);
        foreach (var t in all) if (t is not null) yield return t;
    }

    const string AttachSite = "RaceThread.Attach", EdgeSite = "RaceThread.Acquire/Release", CaptureSite = "RaceThread.CaptureStack";

    [MethodImpl(MethodImplOptions.NoInlining)]
    static RaceThread Attach()
    {
        try
        {
            Common.InternalErrors.Inject(AttachSite);
            return AttachChecked();
        }
        catch (Exception e) when (Common.InternalErrors.Contain(AttachSite, e, Common.LostTracking.Synchronisation))
        {
            return t_current = Unchecked();
        }
    }

    static RaceThread? s_unchecked;

    /// <summary>
    /// The state of threads whose own could not be set up (an internal error): one shared instance that ignores every
    /// access (IgnoreAll), so their checks do nothing; its sync edges are meaningless, which is why race reports stop.
    /// </summary>
    static RaceThread Unchecked()
    {
        lock (s_lock) return s_unchecked ??= new RaceThread(0) { IgnoreAll = 1 };
    }

    static RaceThread AttachChecked()
    {
        ThreadSanitizer.EnsureInitialized();
        var thread = new RaceThread(ThreadRegistry.CurrentId);
        lock (s_lock)
        {
            if (thread.Tid >= s_all.Length)
            {
                var bigger = new RaceThread?[Math.Max(s_all.Length * 2, thread.Tid + 1)];
                Array.Copy(s_all, bigger, s_all.Length);
                Volatile.Write(ref s_all, bigger);
            }
            s_all[thread.Tid] = thread;
            if (thread.Tid > s_highestTid) Volatile.Write(ref s_highestTid, thread.Tid);
        }
        t_current = thread;
        return thread;
    }

    /// <summary>True when the access with <paramref name="epoch"/> happens before this thread's present.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool Knows(long epoch) => Shadow.Epoch.Clock(epoch) <= Clock[Shadow.Epoch.Tid(epoch)];

    /// <summary>Starts a new epoch (after a release: later accesses are not covered by what was released).</summary>
    internal void Tick()
    {
        int next = Clock[Tid] + 1;
        Clock[Tid] = next;
        Epoch = Shadow.Epoch.Of(Tid, next);
    }

    // The last sync clock whose whole content this thread knows, and at which version: an acquire of it at the same
    // version brings nothing (an Interlocked call releases and then acquires its location's clock; when no other
    // thread released in between, the acquire is skipped).
    SyncClock? _knownSync;
    long _knownVersion;

    /// <summary>A happens-before edge into this thread. An internal error here stops race reports (a missing edge could invent one).</summary>
    internal void Acquire(SyncClock sync)
    {
        try
        {
            Common.InternalErrors.Inject(EdgeSite);
            if (ReferenceEquals(sync, _knownSync) && sync.Version == _knownVersion) return;
            _knownVersion = sync.AcquireInto(Clock);
            _knownSync = sync;
        }
        catch (Exception e) when (Common.InternalErrors.Contain(EdgeSite, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    /// <summary>
    /// Everything <paramref name="other"/> did so far happens before this thread's present: its own entry, read without
    /// its lock (an entry only grows; a stale read orders less, never more).
    /// </summary>
    internal void AcquireEpochOf(RaceThread other)
    {
        int theirs = other.Clock[other.Tid];
        if (theirs > Clock[other.Tid]) Clock[other.Tid] = theirs;
    }

    internal void Release(SyncClock sync)
    {
        try
        {
            Common.InternalErrors.Inject(EdgeSite);
            bool known = ReferenceEquals(sync, _knownSync);
            long version = sync.ReleaseFrom(Clock, known ? _knownVersion : -1);
            if (version >= 0) (_knownSync, _knownVersion) = (sync, version);
            else if (known) _knownSync = null;
            Tick();
        }
        catch (Exception e) when (Common.InternalErrors.Contain(EdgeSite, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    /// <summary>
    /// Before an atomic read-modify-write (an Interlocked call): releases into its location's clock and takes the
    /// clock's content at once (see <see cref="SyncClock.ReleaseAcquire"/>), so that the acquire after the operation
    /// only compares the version unless another thread released in between.
    /// </summary>
    internal void ReleaseAcquire(SyncClock sync)
    {
        try
        {
            Common.InternalErrors.Inject(EdgeSite);
            _knownVersion = sync.ReleaseAcquire(Clock);
            _knownSync = sync;
            Tick();
        }
        catch (Exception e) when (Common.InternalErrors.Contain(EdgeSite, e, Common.LostTracking.Synchronisation))
        {
        }
    }

    /// <summary>Stack of the current code: the shadow call stack with the innermost frame at <paramref name="site"/>.</summary>
    internal static int CaptureStack(int site = -1)
    {
        try
        {
            Common.InternalErrors.Inject(CaptureSite);
            Span<long> frames = stackalloc long[64];
            int n = ShadowStack.Capture(frames, site);
            return StackDepot.Put(frames[..n]);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(CaptureSite, e))
        {
            return 0;   // the empty stack
        }
    }

    /// <summary>Like <see cref="CaptureStackAt(string)"/>, with the caller's innermost frame at <paramref name="site"/>.</summary>
    internal static int CaptureStackAt(string api, int site)
    {
        try
        {
            Common.InternalErrors.Inject(CaptureSite);
            Span<long> frames = stackalloc long[64];
            frames[0] = StackFrame.Pack(StackFrame.SyntheticKey, SyntheticFrames.Register(api));
            int n = ShadowStack.Capture(frames[1..], site);
            return StackDepot.Put(frames[..(n + 1)]);
        }
        catch (Exception e) when (Common.InternalErrors.Contain(CaptureSite, e))
        {
            return 0;
        }
    }

    /// <summary>A stack whose first frame names the BCL API being called (TSan's "#0 pthread_create"), then the caller's frames.</summary>
    internal static int CaptureStackAt(string api) => CaptureStackAt(api, -1);
}
