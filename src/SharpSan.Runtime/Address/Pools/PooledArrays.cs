namespace SharpSan.Runtime.Address.Pools;

/// <summary>
/// The shadowed pooled arrays of every element type. By array object: a capacity claim finds its record whatever
/// element type the claiming code sees the array as (the CLR lets an int[] be used as a uint[] or an enum array).
/// By address, to describe a bad address in a report (the cold path), so a short-weak list scanned linearly is
/// enough. Short weak references die as soon as a record is about to be finalized, which is also when its shadow
/// stops meaning anything.
/// </summary>
internal static class PooledArrays
{
    static readonly List<WeakReference<PoolRecord>> s_records = [];
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, PoolRecord> s_byArray = new();
    static int s_pruneAt = 64;

    public static bool TryGet(object array, out PoolRecord record) => s_byArray.TryGetValue(array, out record!);

    public static void Add(object array, PoolRecord record)
    {
        s_byArray.Add(array, record);
        lock (s_records)
        {
            if (s_records.Count >= s_pruneAt)
            {
                s_records.RemoveAll(w => !w.TryGetTarget(out _));
                s_pruneAt = Math.Max(64, s_records.Count * 2);
            }
            s_records.Add(new WeakReference<PoolRecord>(record));
        }
    }

    public static void Forget(PoolRecord record)
    {
        lock (s_records) s_records.RemoveAll(w => !w.TryGetTarget(out var r) || ReferenceEquals(r, record));
    }

    /// <summary>The pooled array whose element range contains <paramref name="address"/>.</summary>
    public static PoolRecord? Containing(nuint address)
    {
        lock (s_records)
        {
            foreach (var w in s_records)
                if (w.TryGetTarget(out var r) && address >= r.Begin && address < r.Begin + r.Bytes) return r;
        }
        return null;
    }
}
