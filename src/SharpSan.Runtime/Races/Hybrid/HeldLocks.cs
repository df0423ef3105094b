namespace SharpSan.Runtime.Races.Hybrid;

/// <summary>
/// The locks one thread holds, each with its mode (a read-held reader/writer lock protects reads only) and reentrancy
/// count, as two interned locksets: every lock held, and the write-held ones. Owned by the thread's RaceThread.
/// </summary>
internal sealed class HeldLocks
{
    struct Entry
    {
        public int LockId;
        public bool Write;
        public int Count;
    }

    readonly List<Entry> _entries = [];
    public readonly LocksetTimeline Timeline = new();
    public int All, Writes;

    /// <summary>Adds one hold; true when the locksets changed (not a reentrant acquisition).</summary>
    public bool Add(int lockId, bool write)
    {
        for (int i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].LockId != lockId || _entries[i].Write != write) continue;
            var entry = _entries[i];
            entry.Count++;
            _entries[i] = entry;
            return false;
        }
        _entries.Add(new Entry { LockId = lockId, Write = write, Count = 1 });
        return Recompute();
    }

    /// <summary>Drops one hold; true when the locksets changed. An unknown release (taken in unchecked code) changes nothing.</summary>
    public bool Remove(int lockId, bool write)
    {
        for (int i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].LockId != lockId || _entries[i].Write != write) continue;
            var entry = _entries[i];
            if (--entry.Count > 0)
            {
                _entries[i] = entry;
                return false;
            }
            _entries.RemoveAt(i);
            return Recompute();
        }
        return false;
    }

    bool Recompute()
    {
        Span<int> all = stackalloc int[_entries.Count];
        Span<int> writes = stackalloc int[_entries.Count];
        int nAll = 0, nWrites = 0;
        foreach (var e in _entries)
        {
            if (all[..nAll].IndexOf(e.LockId) < 0) all[nAll++] = e.LockId;
            if (e.Write && writes[..nWrites].IndexOf(e.LockId) < 0) writes[nWrites++] = e.LockId;
        }
        all[..nAll].Sort();
        writes[..nWrites].Sort();
        int newAll = Locksets.Intern(all[..nAll]), newWrites = Locksets.Intern(writes[..nWrites]);
        if (newAll == All && newWrites == Writes) return false;
        (All, Writes) = (newAll, newWrites);
        return true;
    }
}
