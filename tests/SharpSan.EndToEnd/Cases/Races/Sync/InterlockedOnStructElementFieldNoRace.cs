// Interlocked on a field of a struct stored in an array (`ref items[i].Value`, the shape of Roslyn's ObjectPool):
// the receiver is an address, not an object. Once crashed the rewritten method (invalid IL); must run and stay silent.
using System;
using System.Threading;

namespace Demo;

sealed class Pool
{
    struct Element { public string? Value; }

    readonly Element[] _items = new Element[4];

    public bool TryPut(string value)
    {
        for (int i = 0; i < _items.Length; i++)
            if (Interlocked.CompareExchange(ref _items[i].Value, value, null) == null) return true;
        return false;
    }

    public int Count()
    {
        int n = 0;
        for (int i = 0; i < _items.Length; i++)
            if (Volatile.Read(ref _items[i].Value) != null) n++;
        return n;
    }
}

static class Program
{
    static void Main()
    {
        var pool = new Pool();
        var threads = new Thread[2];
        for (int t = 0; t < threads.Length; t++)
        {
            int id = t;
            threads[t] = new Thread(() => { pool.TryPut("a" + id); pool.TryPut("b" + id); });
            threads[t].Start();
        }
        foreach (var thread in threads) thread.Join();
        Console.WriteLine($"count {pool.Count()}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: count 4
// CHECK-NOT: ThreadSanitizer
