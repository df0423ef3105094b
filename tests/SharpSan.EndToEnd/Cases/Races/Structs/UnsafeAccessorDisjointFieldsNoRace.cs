// Two threads bump different private fields of one struct field through [UnsafeAccessor] field accessors (extern
// methods without IL, as libraries such as Sep use them to reach a BCL struct's fields): each accessor hands back a
// reference to the field it names, so the two calls touch distinct members — no report. (The rewriter used to fail on
// the accessor's empty body and leave the whole assembly unchecked.)
using System;
using System.Runtime.CompilerServices;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

struct Counters
{
#pragma warning disable CS0649
    int _hits;
    int _misses;
#pragma warning restore CS0649
    public override string ToString() => $"{_hits},{_misses}";
}

sealed class Holder
{
    public Counters counters;
}

static class Access
{
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_hits")]
    static extern ref int Hits(ref Counters counters);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_misses")]
    static extern ref int Misses(ref Counters counters);

    public static void AddHit(ref Counters counters) => Hits(ref counters)++;
    public static void AddMiss(ref Counters counters) => Misses(ref counters)++;
}

static class Program
{
    static void Main()
    {
        var holder = new Holder();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Access.AddHit(ref holder.counters);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Access.AddMiss(ref holder.counters);
        worker.Join();
        Console.WriteLine("counters " + holder.counters);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: counters 1,1
// CHECK-NOT: ThreadSanitizer
