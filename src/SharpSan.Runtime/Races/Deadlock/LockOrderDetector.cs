using System.Runtime.CompilerServices;
using SharpSan.Runtime.Races.Sync;

namespace SharpSan.Runtime.Races.Deadlock;

/// <summary>
/// TSan's lock-order-inversion detector: follows every lock acquire/release (<see cref="Locks"/> events), keeps each
/// thread's held locks, adds an edge held→acquired to the <see cref="LockGraph"/> and reports each new cycle once,
/// whether or not the run actually deadlocked. Reentrant acquisition of a held lock adds no edge.
/// </summary>
internal static class LockOrderDetector
{
    sealed class Held
    {
        public object? Lock;
        /// <summary>The lock's graph id; 0 until another lock is taken while this one is held.</summary>
        public int Id;
        public int Stack;
        public int Count;
    }

    /// <summary>A thread's held locks, kept on its RaceThread (no thread-local lookup), with released entries reused.</summary>
    sealed class HeldLocks
    {
        public readonly List<Held> Items = [];
        readonly Stack<Held> _spare = new();

        public Held Take(object lockObject, int id, int stack)
        {
            var held = _spare.Count > 0 ? _spare.Pop() : new Held();
            held.Lock = lockObject;
            held.Id = id;
            held.Stack = stack;
            held.Count = 1;
            return held;
        }

        public void Release(int index)
        {
            var held = Items[index];
            Items.RemoveAt(index);
            held.Lock = null;
            _spare.Push(held);
        }
    }

    sealed class LockId(int id) { public readonly int Id = id; }

    static readonly ConditionalWeakTable<object, LockId> s_ids = new();
    static readonly LockGraph s_graph = new();
    static readonly HashSet<string> s_reportedCycles = [];
    static int s_nextId;
    static int s_subscribed;

    public static void Subscribe()
    {
        if (Interlocked.Exchange(ref s_subscribed, 1) != 0) return;
        Locks.LockAcquired += OnAcquired;
        Locks.LockReleased += OnReleased;
    }

    static int IdOf(object lockObject) =>
        s_ids.GetValue(lockObject, _ => new LockId(Interlocked.Increment(ref s_nextId))).Id;

    /// <summary>The graph id of the lock, through the thread's one-entry cache (one lock taken again and again).</summary>
    static int IdFor(RaceThread thread, object lockObject)
    {
        if (ReferenceEquals(thread.LastLock, lockObject)) return thread.LastLockId;
        int id = IdOf(lockObject);
        thread.LastLock = lockObject;
        thread.LastLockId = id;
        return id;
    }

    static void OnAcquired(RaceThread thread, object lockObject)
    {
        if (thread.IgnoreAll > 0) return;
        var state = (HeldLocks)(thread.LockOrderState ??= new HeldLocks());
        var held = state.Items;
        foreach (var h in held)
            if (ReferenceEquals(h.Lock, lockObject))
            {
                h.Count++;
                return;
            }
        // A lock taken while no other is held adds no edge: its graph id (a weak-table lookup) waits until a second
        // lock is taken inside it. The acquisition stack cannot wait (it names this line), but it is cached.
        int stack = thread.History.CurrentStack();
        List<List<LockEdge>>? cycles = null;
        int id = 0;
        if (held.Count > 0)
        {
            foreach (var h in held)
                if (h.Id == 0) h.Id = IdOf(h.Lock!);   // first, so ids keep the order of the first acquisitions
            id = IdFor(thread, lockObject);
            lock (s_graph)
                foreach (var h in held)
                {
                    var cycle = s_graph.AddAndFindCycle(new LockEdge(h.Id, id, thread.Tid, h.Stack, stack));
                    if (cycle is null) continue;
                    string key = string.Join(",", cycle.Select(e => e.From).Order());
                    if (s_reportedCycles.Add(key)) (cycles ??= []).Add(cycle);
                }
        }
        held.Add(state.Take(lockObject, id, stack));
        if (cycles is null || Common.InternalErrors.HasLost(Common.LostTracking.Synchronisation)) return;
        thread.IgnoreAll++;
        try
        {
            foreach (var cycle in cycles) SanitizerRuntime.Report(new LockOrderInversionReport(cycle));
        }
        finally
        {
            thread.IgnoreAll--;
        }
    }

    static void OnReleased(RaceThread thread, object lockObject)
    {
        if (thread.LockOrderState is not HeldLocks state) return;
        var held = state.Items;
        for (int i = held.Count - 1; i >= 0; i--)
            if (ReferenceEquals(held[i].Lock, lockObject))
            {
                if (--held[i].Count == 0) state.Release(i);
                return;
            }
    }
}
