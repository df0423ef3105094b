// Two threads write different members of one struct field — directly (`shape.origin.X`) and through struct methods
// (`stats.AddHit()` / `stats.AddMiss()`): distinct memory locations, no report. Each member of a small struct field
// has a shadow of its own.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

struct Point { public int X; public int Y; }

struct Stats
{
    long _hits;
    long _misses;
    public void AddHit() => _hits++;
    public void AddMiss() => _misses++;
    public long Hits => _hits;
    public long Misses => _misses;
}

sealed class Shape
{
    public Point origin;
    public Stats stats;
}

static class Program
{
    static void Main()
    {
        var shape = new Shape();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            shape.origin.X = 3;
            shape.stats.AddHit();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        shape.origin.Y = 4;
        shape.stats.AddMiss();
        worker.Join();
        Console.WriteLine($"origin {shape.origin.X},{shape.origin.Y} stats {shape.stats.Hits},{shape.stats.Misses}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: origin 3,4 stats 1,1
// CHECK-NOT: ThreadSanitizer
