// A counter bumped under EnterReadLock (a copy-paste from the read path): readers share the lock, so the increments
// race. Readers must not order each other.
using System;
using System.Threading;
using SharpSan.Annotations;

class Cache
{
    public readonly ReaderWriterLockSlim Lock = new();
    public int hits;

    public void Hit()
    {
        Lock.EnterReadLock();
        try { hits++; }
        finally { Lock.ExitReadLock(); }
    }
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
        Console.WriteLine("hits " + cache.hits);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: {{Read|Write}} of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Cache.Hit() {{.*}}RwlsWriteUnderReadLockRace.cs:[[@LINE-26]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RwlsWriteUnderReadLockRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Cache.Hit() {{.*}}RwlsWriteUnderReadLockRace.cs:[[@LINE-29]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}RwlsWriteUnderReadLockRace.cs:[[@LINE-30]] in Cache.Hit()
// CHECK: hits 2
