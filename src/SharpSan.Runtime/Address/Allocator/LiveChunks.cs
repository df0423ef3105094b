namespace SharpSan.Runtime.Address.Allocator;

/// <summary>The set of allocated (not freed) chunks, striped to keep 8 allocating threads off one lock; LeakSanitizer walks it at exit.</summary>
public sealed class LiveChunks
{
    const int Stripes = 64;
    readonly HashSet<nuint>[] _sets = NewSets();
    // One cheap spin lock per stripe: the critical sections are a single hash-set operation.
    readonly SpinLock[] _locks = NewLocks();

    // Loops, not LINQ: each generic LINQ instantiation over these types is JIT-compiled at every program's start.
    static HashSet<nuint>[] NewSets()
    {
        var sets = new HashSet<nuint>[Stripes];
        for (int i = 0; i < Stripes; i++) sets[i] = new HashSet<nuint>();
        return sets;
    }

    static SpinLock[] NewLocks()
    {
        var locks = new SpinLock[Stripes];
        for (int i = 0; i < Stripes; i++) locks[i] = new SpinLock(enableThreadOwnerTracking: false);
        return locks;
    }

    static int StripeOf(nuint p) => (int)((p >> 4) ^ (p >> 12)) & (Stripes - 1);

    public void Add(nuint p) => WithStripe(StripeOf(p), p, static (set, x) => set.Add(x));

    public void Remove(nuint p) => WithStripe(StripeOf(p), p, static (set, x) => set.Remove(x));

    public List<nuint> Snapshot()
    {
        var all = new List<nuint>();
        for (int i = 0; i < Stripes; i++) WithStripe(i, 0, (set, _) => { all.AddRange(set); return true; });
        return all;
    }

    void WithStripe(int stripe, nuint p, Func<HashSet<nuint>, nuint, bool> action)
    {
        bool taken = false;
        try
        {
            _locks[stripe].Enter(ref taken);
            action(_sets[stripe], p);
        }
        finally
        {
            if (taken) _locks[stripe].Exit(useMemoryBarrier: false);
        }
    }
}
