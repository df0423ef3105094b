// Generic code calling a struct policy through its interface (TPolicy : struct, IPolicy) where one implementation
// writes its own field: the union over the module's implementations says "writes _count", so two unsynchronised
// calls race on the field (reported with the size of the instantiated policy, 4 bytes: the field is of type T, one cell).
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

interface IPolicy
{
    void OnHit();
}

struct CountingPolicy : IPolicy
{
    public int _count;
    public void OnHit() => _count++;
}

struct NoPolicy : IPolicy
{
    public void OnHit() { }
}

sealed class Cache<TPolicy> where TPolicy : struct, IPolicy
{
    public TPolicy _policy;
    public void Get() => _policy.OnHit();
}

static class Program
{
    static void Main()
    {
        var cache = new Cache<CountingPolicy>();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            cache.Get();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        cache.Get();
        worker.Join();
        Console.WriteLine("count " + cache._policy._count);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Cache<TPolicy>.Get() {{.*}}StructConstrainedGenericWriteRace.cs:[[@LINE-24]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Cache<TPolicy>.Get() {{.*}}StructConstrainedGenericWriteRace.cs:[[@LINE-26]]
// CHECK: Location is field Demo.Cache<CountingPolicy>._policy of object of type Demo.Cache<CountingPolicy>.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}StructConstrainedGenericWriteRace.cs:[[@LINE-28]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: count 2
