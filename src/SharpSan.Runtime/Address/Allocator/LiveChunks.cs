namespace SharpSan.Runtime.Address.Allocator;

/// <summary>The set of allocated (not freed) chunks, striped to keep 8 allocating threads off one lock; LeakSanitizer walks it at exit.</summary>
public sealed class LiveChunks
{
    const int Stripes = 64;
    readonly HashSet<nuint>[] _sets = Enumerable.Range(0, Stripes).Select(_ => new HashSet<nuint>()).ToArray();

    static int StripeOf(nuint p) => (int)((p >> 4) ^ (p >> 12)) & (Stripes - 1);

    public void Add(nuint p)
    {
        var set = _sets[StripeOf(p)];
        lock (set) set.Add(p);
    }

    public void Remove(nuint p)
    {
        var set = _sets[StripeOf(p)];
        lock (set) set.Remove(p);
    }

    public List<nuint> Snapshot()
    {
        var all = new List<nuint>();
        foreach (var set in _sets)
            lock (set) all.AddRange(set);
        return all;
    }
}
