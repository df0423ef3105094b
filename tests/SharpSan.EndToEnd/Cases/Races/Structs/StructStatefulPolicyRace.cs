// The twin of StructStatelessPolicyAmongWritersNoRace: the same generic cache run with the policy that counts hits in
// its field, from two threads without a lock — a real race on the policy member of the cache's field.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

interface IPolicy
{
    void OnHit(int key);
    int Hits { get; }
}

struct CountingPolicy : IPolicy
{
    int _hits;
    public void OnHit(int key) => _hits++;
    public readonly int Hits => _hits;
}

struct StatelessPolicy : IPolicy
{
    public void OnHit(int key) { }
    public readonly int Hits => 0;
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
    public int Hits => _policy.Hits;
}

static class Program
{
    static void Main()
    {
        var cache = new Cache<CountingPolicy>();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            cache.Get(1);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        cache.Get(2);
        worker.Join();
        Console.WriteLine("hits " + cache.Hits);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK: Write of size 4 at {{.*}} by main thread:
// CHECK: #0 {{.*}} in Demo.Cache<TPolicy>.Get(int) {{.*}}StructStatefulPolicyRace.cs:[[@LINE-27]]
// CHECK: Previous write of size 4 at {{.*}} by thread T1:
// CHECK: #0 {{.*}} in Demo.Cache<TPolicy>.Get(int) {{.*}}StructStatefulPolicyRace.cs:[[@LINE-29]]
// CHECK: Location is field Demo.Cache<{{.*}}>._policy
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}StructStatefulPolicyRace.cs:[[@LINE-31]] in Demo.Cache<TPolicy>.Get(int)
