// A Dictionary-like collection keeps its entries in a rented Entry<TKey,TValue>[] and treats entries.Length as
// its capacity (as the BCL's Dictionary does with its own arrays). Reading Length claims the whole array, for a
// generic-instance element type exactly as for byte[].
using System;
using System.Buffers;

struct Entry<TKey, TValue>
{
    public uint HashCode;
    public int Next;
    public TKey Key;
    public TValue Value;
}

sealed class PooledMap<TKey, TValue> where TKey : notnull
{
    int[] _buckets;
    Entry<TKey, TValue>[] _entries;
    int _count;

    public PooledMap(int capacity)
    {
        _buckets = ArrayPool<int>.Shared.Rent(capacity);
        _entries = ArrayPool<Entry<TKey, TValue>>.Shared.Rent(capacity);
        Array.Clear(_buckets);
    }

    public void Add(TKey key, TValue value)
    {
        if (_count == _entries.Length) Grow();
        uint hash = (uint)key.GetHashCode();
        ref int bucket = ref _buckets[(int)(hash % (uint)_buckets.Length)];
        ref Entry<TKey, TValue> entry = ref _entries[_count];
        entry.HashCode = hash;
        entry.Next = bucket - 1;
        entry.Key = key;
        entry.Value = value;
        bucket = ++_count;
    }

    void Grow()
    {
        var bigger = ArrayPool<Entry<TKey, TValue>>.Shared.Rent(_entries.Length * 2);
        Array.Copy(_entries, bigger, _count);
        ArrayPool<Entry<TKey, TValue>>.Shared.Return(_entries);
        _entries = bigger;
        ArrayPool<int>.Shared.Return(_buckets);
        _buckets = ArrayPool<int>.Shared.Rent(bigger.Length);
        Array.Clear(_buckets);
        for (int i = 0; i < _count; i++)
        {
            ref int bucket = ref _buckets[(int)(_entries[i].HashCode % (uint)_buckets.Length)];
            _entries[i].Next = bucket - 1;
            bucket = i + 1;
        }
    }

    public TValue? Find(TKey key)
    {
        uint hash = (uint)key.GetHashCode();
        for (int i = _buckets[(int)(hash % (uint)_buckets.Length)] - 1; i >= 0; i = _entries[i].Next)
            if (_entries[i].HashCode == hash && _entries[i].Key.Equals(key)) return _entries[i].Value;
        return default;
    }

    public long SumValues(Func<TValue, long> weight)
    {
        long sum = 0;
        var entries = _entries;
        for (int i = 0; i < entries.Length; i++)
            if (i < _count) sum += weight(entries[i].Value);
        return sum;
    }
}

static class Program
{
    static void Main()
    {
        var map = new PooledMap<int, long>(3);   // bucket of 16: Length is the capacity the map grows by
        for (int i = 0; i < 100; i++) map.Add(i, i * 10L);
        Console.WriteLine($"found={map.Find(42)} sum={map.SumValues(v => v)}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: found=420 sum=49500
// CHECK-NOT: ERROR:
