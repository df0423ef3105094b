// Two threads call methods of a struct stored in a field that only read the struct's own fields (a telemetry-style
// policy whose counters are objects of their own): a call is a read of the field unless the callee writes it.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Counter
{
    long _count;
    public void Increment() => Interlocked.Increment(ref _count);
    public long Count => Interlocked.Read(ref _count);
}

struct Telemetry
{
    Counter _hits;
    Counter _misses;

    public Telemetry(int unused) { _hits = new Counter(); _misses = new Counter(); }
    public void OnHit() => _hits.Increment();
    public void OnMiss() { if (_misses is not null) _misses.Increment(); }
    public long Total() => _hits.Count + _misses.Count;
}

sealed class Cache
{
    Telemetry _telemetry = new Telemetry(0);   // mutable struct: not readonly, so calls see the field itself

    public void Get(int key)
    {
        if (key % 2 == 0) _telemetry.OnHit();
        else _telemetry.OnMiss();
    }

    public long Total => _telemetry.Total();
}

static class Program
{
    static void Main()
    {
        var cache = new Cache();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            for (int i = 0; i < 10; i++) cache.Get(i);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        for (int i = 0; i < 10; i++) cache.Get(i);
        worker.Join();
        Console.WriteLine("total " + cache.Total);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: total 20
// CHECK-NOT: ThreadSanitizer
