namespace SharpSan.Runtime.Races.Hybrid;

/// <summary>
/// Interned locksets (TSan v1's lockset table): each distinct sorted set of lock ids gets a small id, 0 being the empty
/// set, so a thread's current lockset is one int and "do these two sets share a lock" is one cached lookup. Only the
/// hybrid detector uses it, on lock operations and on the slow path of accesses that happens-before leaves unordered.
/// </summary>
internal static class Locksets
{
    static readonly object s_lock = new();
    static readonly List<int[]> s_sets = [[]];
    static readonly Dictionary<string, int> s_ids = new() { [""] = 0 };
    static readonly Dictionary<long, bool> s_shared = [];

    /// <summary>The id of the set holding <paramref name="lockIds"/> (sorted, no duplicates).</summary>
    public static int Intern(ReadOnlySpan<int> lockIds)
    {
        if (lockIds.IsEmpty) return 0;
        string key = string.Join(",", lockIds.ToArray());
        lock (s_lock)
        {
            if (s_ids.TryGetValue(key, out int id)) return id;
            id = s_sets.Count;
            s_sets.Add(lockIds.ToArray());
            s_ids.Add(key, id);
            return id;
        }
    }

    public static int[] Members(int set)
    {
        lock (s_lock) return (uint)set < (uint)s_sets.Count ? s_sets[set] : [];
    }

    /// <summary>Whether the two sets have a lock in common (cached per pair: the same few sets meet again and again).</summary>
    public static bool Share(int a, int b)
    {
        if (a == 0 || b == 0) return false;
        if (a == b) return true;
        long key = a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
        lock (s_lock)
        {
            if (s_shared.TryGetValue(key, out bool shared)) return shared;
            shared = Intersects(s_sets[a], s_sets[b]);
            s_shared.Add(key, shared);
            return shared;
        }
    }

    static bool Intersects(int[] x, int[] y)
    {
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j]) return true;
            if (x[i] < y[j]) i++;
            else j++;
        }
        return false;
    }
}
