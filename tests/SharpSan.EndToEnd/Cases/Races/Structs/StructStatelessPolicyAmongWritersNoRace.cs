// Generic code calling a struct policy through its interface from two threads, where ANOTHER implementation of the
// interface keeps state (a counting policy writes its field on every hit; BitFaster's ConcurrentLfu has an expiring
// policy beside a stateless one). The rewriter cannot know TPolicy, so the call site counts as the union of the
// implementations — a write. But this cache runs with the stateless policy: an empty struct holds no data and cannot
// race, which the check learns at run time, per instantiation.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

interface IPolicy
{
    void OnHit(int key);
}

struct CountingPolicy : IPolicy
{
    int _hits;
    public void OnHit(int key) => _hits++;
}

struct StatelessPolicy : IPolicy
{
    public void OnHit(int key) { }
}

sealed class Cache<TPolicy> where TPolicy : struct, IPolicy
{
    readonly int[] _slots = new int[16];
    TPolicy _policy;
    public int Get(int key)
    {
        _policy.OnHit(key);
        return Volatile.Read(ref _slots[key & 15]);
    }
}

static class Program
{
    static void Main()
    {
        var cache = new Cache<StatelessPolicy>();
        var barrier = new RaceTestBarrier(2);
        int sum = 0;
        var worker = new Thread(() =>
        {
            for (int i = 0; i < 10; i++) cache.Get(i);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        for (int i = 0; i < 10; i++) sum += cache.Get(i);
        worker.Join();
        Console.WriteLine("sum " + sum);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 0
// CHECK-NOT: ThreadSanitizer
