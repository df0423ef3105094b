// The worker writes pair.x under a lock, releases it, and writes pair.x again: the second write is in the worker's
// next epoch (same owner thread, the out-of-line path). Main takes the lock after the worker released it, so it is
// ordered after the locked write but not after the one that followed the release: a race, whose previous access must
// be the write after the release (its own history record), not the locked one.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Pair { public int x; public int y; }

static class Program
{
    static void Main()
    {
        var pair = new Pair();
        var gate = new object();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            lock (gate) { pair.x = 1; pair.y = 1; }
            pair.x = 2;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        lock (gate) { pair.y = 3; }
        pair.x = 4;
        worker.Join();
        Console.WriteLine($"done {pair.x} {pair.y}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}OwnerChangeAfterLockReleaseRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.<>c__DisplayClass0_0.<Main>b__0() {{.*}}OwnerChangeAfterLockReleaseRace.cs:[[@LINE-16]]
// CHECK: Location is field Demo.Pair.x of object of type Demo.Pair.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}OwnerChangeAfterLockReleaseRace.cs:[[@LINE-12]] in Demo.Program.Main()
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 4 3
