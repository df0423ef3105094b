// A generic unmanaged list that grows its native storage with Realloc; items survive every move.
using System;
using System.Runtime.InteropServices;

unsafe struct NativeList<T> : IDisposable where T : unmanaged
{
    T* _items;
    int _count, _capacity;

    public int Count => _count;
    public T this[int i] => _items[i];

    public void Add(T item)
    {
        if (_count == _capacity)
        {
            _capacity = _capacity == 0 ? 4 : _capacity * 2;
            _items = (T*)NativeMemory.Realloc(_items, (nuint)(_capacity * sizeof(T)));
        }
        _items[_count++] = item;
    }

    public void Dispose() { NativeMemory.Free(_items); _items = null; }
}

static class Program
{
    static void Main()
    {
        var list = new NativeList<long>();
        for (int i = 0; i < 1000; i++) list.Add(i);
        long sum = 0;
        for (int i = 0; i < list.Count; i++) sum += list[i];
        list.Dispose();
        var small = new NativeList<byte>();
        for (int i = 0; i < 9; i++) small.Add((byte)i);
        Console.WriteLine($"sum={sum} small={small[8]}");
        small.Dispose();
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum=499500 small=8
// CHECK-NOT: ERROR:
