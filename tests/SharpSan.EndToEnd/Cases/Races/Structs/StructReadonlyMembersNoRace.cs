// `readonly` struct members and `readonly struct` methods never write the struct: calls on a field from two threads
// are reads, also when the readonly member calls into other (non-readonly) code on a copy.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

readonly struct Range
{
    public readonly int Start;
    public readonly int Length;
    public Range(int start, int length) { Start = start; Length = length; }
    public bool Contains(int i) => i >= Start && i < Start + Length;
}

struct Window
{
    public Range Range;
    public int Hits;
    public readonly bool Covers(int i) => Range.Contains(i) && Hits >= 0;
    public readonly int Describe() { var copy = this; copy.Hits++; return copy.Hits; }
}

sealed class Filter
{
    public Window window = new Window { Range = new Range(2, 5) };
    public Range range = new Range(0, 3);
}

static class Program
{
    static void Main()
    {
        var filter = new Filter();
        var barrier = new RaceTestBarrier(2);
        int a = 0, b = 0;
        var worker = new Thread(() =>
        {
            for (int i = 0; i < 10; i++) if (filter.window.Covers(i) && filter.range.Contains(i % 4)) a += filter.window.Describe();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        for (int i = 0; i < 10; i++) if (filter.window.Covers(i) && filter.range.Contains(i % 4)) b += filter.window.Describe();
        worker.Join();
        Console.WriteLine($"covered {a} {b}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: covered 4 4
// CHECK-NOT: ThreadSanitizer
