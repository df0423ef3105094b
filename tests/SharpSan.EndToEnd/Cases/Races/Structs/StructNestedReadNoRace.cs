// A struct method that calls a read-only method of a nested struct field (and passes `ref this.inner` to a helper
// that only reads through it), from two threads: still only reads.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

struct Inner
{
    public int Limit;
    public int[] Slots;
    public int Peek(int i) => Slots[i % Slots.Length] + Limit;
}

struct Outer
{
    public Inner Inner;
    public int Scale;
    public int Probe(int i) => Inner.Peek(i) * Scale + Helpers.Sum(ref Inner);
}

static class Helpers
{
    public static int Sum(ref Inner inner) => inner.Limit + inner.Slots.Length;
}

sealed class Holder
{
    public Outer Outer;
}

static class Program
{
    static void Main()
    {
        var holder = new Holder();
        holder.Outer.Inner.Slots = new[] { 1, 2, 3 };
        holder.Outer.Inner.Limit = 1;
        holder.Outer.Scale = 2;
        var barrier = new RaceTestBarrier(2);
        int a = 0, b = 0;
        var worker = new Thread(() =>
        {
            for (int i = 0; i < 5; i++) a += holder.Outer.Probe(i);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        for (int i = 0; i < 5; i++) b += holder.Outer.Probe(i);
        worker.Join();
        Console.WriteLine($"probes {a} {b}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: probes 48 48
// CHECK-NOT: ThreadSanitizer
