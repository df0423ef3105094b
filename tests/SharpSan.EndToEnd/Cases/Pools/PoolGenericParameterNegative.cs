// T[] rented inside a generic class: a pooled list that grows by its array's Length, used with a value type and
// with a reference type. Reading Length claims the whole array whatever T is; T's element checks keep array
// covariance (a string[] used as object[]) as it is without SharpSan.
using System;
using System.Buffers;

sealed class PooledList<T>
{
    T[] _items = ArrayPool<T>.Shared.Rent(5);
    int _count;

    public void Add(T item)
    {
        if (_count == _items.Length)
        {
            T[] bigger = ArrayPool<T>.Shared.Rent(_items.Length + 1);
            for (int i = 0; i < _count; i++) bigger[i] = _items[i];
            ArrayPool<T>.Shared.Return(_items);
            _items = bigger;
        }
        _items[_count++] = item;
    }

    public ref T Last => ref _items[_count - 1];

    public int CountWhere(Func<T, bool> predicate)
    {
        int n = 0;
        T[] items = _items;
        for (int i = 0; i < items.Length && i < _count; i++)
            if (predicate(items[i])) n++;
        return n;
    }
}

static class Covariance
{
    public static T Get<T>(T[] items, int i) => items[i];
    public static void Set<T>(T[] items, int i, T value) => items[i] = value;
}

static class Program
{
    static void Main()
    {
        // A string[] seen as object[]: the element checks must keep the CLR's array covariance rules (loads work,
        // stores of strings work, a store of a boxed int still throws) and its bounds checks.
        object[] strings = new string[] { "a", "b" };
        Covariance.Set(strings, 1, "c");
        string seen = (string)Covariance.Get(strings, 1);
        try { Covariance.Set(strings, 0, 42); } catch (ArrayTypeMismatchException) { seen += " mismatch"; }
        try { Covariance.Set(strings, 2, "d"); } catch (IndexOutOfRangeException) { seen += " range"; }
        Console.WriteLine(seen);

        var numbers = new PooledList<int>();
        for (int i = 0; i < 40; i++) numbers.Add(i);
        numbers.Last += 100;
        var words = new PooledList<string>();
        for (int i = 0; i < 40; i++) words.Add("w" + i);
        var pairs = new PooledList<(long, int)>();
        for (int i = 0; i < 40; i++) pairs.Add((i, i));
        Console.WriteLine($"{numbers.CountWhere(n => n >= 20)} {words.CountWhere(w => w.Length == 3)} {pairs.CountWhere(p => p.Item2 % 2 == 0)}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: c mismatch range
// CHECK: 20 30 20
// CHECK-NOT: ERROR:
