// A cache refreshed under the read lock (a copy-paste from the read path): both threads write `version` holding only
// EnterReadLock. A logging lock taken in between orders the writes in this schedule, so FastTrack is silent; the
// hybrid detector counts only write-held locks for a write, finds none on either side, and reports it.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Cache { public int version; }

static class Program
{
    static readonly ReaderWriterLockSlim Gate = new();
    static readonly object LogLock = new();
    static int s_logged;

    static void Refresh(Cache cache, int version)
    {
        Gate.EnterReadLock();
        try { cache.version = version; }
        finally { Gate.ExitReadLock(); }
        lock (LogLock) s_logged++;
    }

    static void Main()
    {
        var cache = new Cache();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Refresh(cache, 1);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Refresh(cache, 2);
        worker.Join();
        Console.WriteLine("version " + cache.version);
    }
}
// SANITIZE: thread
// ENV: SHARPSAN_OPTIONS=race_detector=hybrid
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Refresh(Demo.Cache, int) {{.*}}RwlsWriteUnderReadLockBehindLogLockRace.cs:[[@LINE-25]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Refresh(Demo.Cache, int) {{.*}}RwlsWriteUnderReadLockBehindLogLockRace.cs:[[@LINE-27]]
// CHECK: Found by the hybrid (lockset) detector: the write held no lock; the previous write held no lock.
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: version 2
