// Generic code calling a struct policy through its interface (`constrained.` callvirt, TPolicy : struct, IPolicy)
// from two threads: the rewriter cannot know TPolicy, so it takes the implementations of IPolicy.OnHit in the module
// (both only read their fields): a read, no report.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

interface IPolicy
{
    void OnHit(int key);
    long Seen { get; }
}

sealed class Tally
{
    long _n;
    public void Add() => Interlocked.Increment(ref _n);
    public long N => Interlocked.Read(ref _n);
}

struct CountingPolicy : IPolicy
{
    Tally _tally;
    public CountingPolicy(Tally tally) => _tally = tally;
    public void OnHit(int key) => _tally.Add();
    public long Seen => _tally.N;
}

struct NoPolicy : IPolicy
{
    public void OnHit(int key) { }
    public long Seen => 0;
}

sealed class Cache<TPolicy> where TPolicy : struct, IPolicy
{
    TPolicy _policy;
    public Cache(TPolicy policy) => _policy = policy;
    public void Get(int key) => _policy.OnHit(key);
    public long Seen => _policy.Seen;
}

static class Program
{
    static void Main()
    {
        var counting = new Cache<CountingPolicy>(new CountingPolicy(new Tally()));
        var none = new Cache<NoPolicy>(new NoPolicy());
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            for (int i = 0; i < 10; i++) { counting.Get(i); none.Get(i); }
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        for (int i = 0; i < 10; i++) { counting.Get(i); none.Get(i); }
        worker.Join();
        Console.WriteLine("seen " + counting.Seen + " " + none.Seen);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: seen 20 0
// CHECK-NOT: ThreadSanitizer
