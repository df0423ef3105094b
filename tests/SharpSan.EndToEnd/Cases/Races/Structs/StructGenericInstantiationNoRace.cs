// A struct core instantiated with a concrete policy (`Core<QuietPolicy>` held in a class, as BitFaster's ConcurrentLfu
// holds its ConcurrentLfuCore): its constrained calls resolve to that policy, not to every policy of the module (one
// of which, CountingPolicy, writes its Count), and a policy handed `ref this` of the core (`policy.Visit(ref this)`)
// is analysed for that argument too. Two threads, reads only: no report.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

interface IPolicy
{
    void OnHit();
    int Visit<TPolicy>(ref Core<TPolicy> core) where TPolicy : struct, IPolicy;
}

struct QuietPolicy : IPolicy
{
    public int Count;
    public void OnHit() { }
    public int Visit<TPolicy>(ref Core<TPolicy> core) where TPolicy : struct, IPolicy => core.Size + Count;
}

struct CountingPolicy : IPolicy
{
    public int Count;
    public void OnHit() => Count++;
    public int Visit<TPolicy>(ref Core<TPolicy> core) where TPolicy : struct, IPolicy => core.Size = Count++;
}

struct Core<TPolicy> where TPolicy : struct, IPolicy
{
    public TPolicy Policy;
    public int Size;
    public int Get()
    {
        Policy.OnHit();
        return Policy.Visit(ref this);
    }
}

sealed class Cache
{
    public Core<QuietPolicy> core = new Core<QuietPolicy> { Size = 3 };
    public int Get() => core.Get();
}

static class Program
{
    static void Main()
    {
        var cache = new Cache();
        var barrier = new RaceTestBarrier(2);
        int a = 0, b = 0;
        var worker = new Thread(() =>
        {
            a = cache.Get();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        b = cache.Get();
        worker.Join();
        Console.WriteLine($"got {a} {b} {new Core<CountingPolicy>().Get()}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: got 3 3 1
// CHECK-NOT: ThreadSanitizer
