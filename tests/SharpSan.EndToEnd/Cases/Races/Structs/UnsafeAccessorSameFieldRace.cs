// Two unsynchronised threads bump the same private field of one struct field through an [UnsafeAccessor] field
// accessor (an extern method without IL): the accessor's reference is to `_hits`, and both calls write it — a race,
// reported at the calls with the struct field as its location.
using System;
using System.Runtime.CompilerServices;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

struct Counters
{
#pragma warning disable CS0649
    int _hits;
#pragma warning restore CS0649
    public override string ToString() => _hits.ToString();
}

sealed class Holder
{
    public Counters counters;
}

static class Access
{
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_hits")]
    static extern ref int Hits(ref Counters counters);

    public static void AddHit(ref Counters counters) => Hits(ref counters)++;
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
        Access.AddHit(ref holder.counters);
        worker.Join();
        Console.WriteLine("hits " + holder.counters);
    }
}
// SANITIZE: thread
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}UnsafeAccessorSameFieldRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}UnsafeAccessorSameFieldRace.cs:[[@LINE-16]]
// CHECK: Location is field Demo.Holder.counters._hits of object of type Demo.Holder.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}UnsafeAccessorSameFieldRace.cs:[[@LINE-13]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: hits 2
