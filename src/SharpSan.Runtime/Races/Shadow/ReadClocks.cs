namespace SharpSan.Runtime.Races.Shadow;

/// <summary>
/// Read vector clocks of variables whose reads are truly shared (FastTrack's read-shared state), in a growable table
/// addressed by index from <see cref="RaceCell.Read"/>; freed when a write makes the reads exclusive again.
/// <para>A reader only ever changes its own entry, so it stores without the lock (FastTrack's O(1) "read shared" rule);
/// the lock guards growth, inflation and a writer's scan. A store that lands in an array being replaced by a growth at
/// that moment is lost — that can hide a race with that read, never report one that did not happen.</para>
/// </summary>
internal static class ReadClocks
{
    static VectorClock?[] s_table = new VectorClock?[1024];
    static readonly Stack<int> s_free = new();
    static int s_used;
    static readonly object s_lock = new();

    public static VectorClock Get(long cellRead) => Volatile.Read(ref s_table)[~cellRead] ?? new VectorClock();

    /// <summary>True when the thread's entry already holds <paramref name="clock"/> (FastTrack's "read shared same epoch").</summary>
    public static bool Holds(long cellRead, int tid, int clock) =>
        Volatile.Read(ref s_table)[~cellRead] is { } shared && shared[tid] == clock;

    /// <summary>Sets the reading thread's entry of a shared read clock.</summary>
    public static void Set(long cellRead, int tid, int clock)
    {
        var shared = Get(cellRead);
        if (shared.TrySetWithoutLock(tid, clock)) return;
        lock (shared) shared[tid] = clock;
    }

    /// <summary>A new shared read clock holding two read epochs; returns the value to store in <see cref="RaceCell.Read"/>.</summary>
    public static long Inflate(long first, long second)
    {
        // Room for every thread seen so far, so later readers rarely make it grow.
        var clock = new VectorClock(Math.Max(RaceThread.HighestTid, Math.Max(Epoch.Tid(first), Epoch.Tid(second))) + 1);
        clock[Epoch.Tid(first)] = Epoch.Clock(first);
        clock[Epoch.Tid(second)] = Epoch.Clock(second);
        lock (s_lock)
        {
            int index = s_free.Count > 0 ? s_free.Pop() : s_used++;
            if (index >= s_table.Length)
            {
                var bigger = new VectorClock?[s_table.Length * 2];
                Array.Copy(s_table, bigger, s_table.Length);
                Volatile.Write(ref s_table, bigger);
            }
            s_table[index] = clock;
            return ~(long)index;
        }
    }

    public static void Free(long cellRead)
    {
        lock (s_lock)
        {
            int index = (int)~cellRead;
            if (s_table[index] is null) return;   // two racing writers freed it already
            s_table[index] = null;
            s_free.Push(index);
        }
    }
}
