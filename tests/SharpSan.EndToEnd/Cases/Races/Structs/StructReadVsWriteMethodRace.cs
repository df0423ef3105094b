// One thread reads a struct member through a read-only method, another increments it through a mutating method:
// the read-only call is a read of that member, the mutating one a write; unordered, so they race.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

struct Stats
{
    long _hits;
    long _misses;
    public void AddHit() => _hits++;
    public readonly long PeekHits() => _hits;
    public long Misses => _misses;
}

sealed class Cache
{
    public Stats stats;
}

static class Program
{
    static void Main()
    {
        var cache = new Cache();
        var barrier = new RaceTestBarrier(2);
        long seen = 0;
        var worker = new Thread(() =>
        {
            seen = cache.stats.PeekHits();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        cache.stats.AddHit();
        worker.Join();
        Console.WriteLine($"seen {seen} misses {cache.stats.Misses}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}StructReadVsWriteMethodRace.cs:[[@LINE-8]]
// CHECK: Previous read of size 8 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}StructReadVsWriteMethodRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Cache.stats._hits of object of type Demo.Cache.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: seen 0 misses 0
