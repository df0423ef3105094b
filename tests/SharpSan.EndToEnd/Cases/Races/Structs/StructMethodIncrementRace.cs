// Two threads call a struct method that increments one of the struct's fields (`_telemetry.OnHit()` -> `_hits++`),
// without synchronisation: a write of that member, reported at the call with the member's name and size.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

struct Telemetry
{
    long _hits;
    int _misses;
    public void OnHit() => _hits++;
    public void OnMiss() => _misses++;
    public long Hits => _hits;
}

sealed class Cache
{
    Telemetry _telemetry;
    public void Hit() => _telemetry.OnHit();
    public long Hits => _telemetry.Hits;
}

static class Program
{
    static void Main()
    {
        var cache = new Cache();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            cache.Hit();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        cache.Hit();
        worker.Join();
        Console.WriteLine("hits " + cache.Hits);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Cache.Hit() {{.*}}StructMethodIncrementRace.cs:[[@LINE-25]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}StructMethodIncrementRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Cache.Hit() {{.*}}StructMethodIncrementRace.cs:[[@LINE-28]]
// CHECK: Location is field Demo.Cache._telemetry._hits of object of type Demo.Cache.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}StructMethodIncrementRace.cs:[[@LINE-30]] in Demo.Cache.Hit()
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: hits 2
