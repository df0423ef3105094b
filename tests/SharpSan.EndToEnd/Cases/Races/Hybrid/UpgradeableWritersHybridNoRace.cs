// Upgradeable read locks exclude each other and the write lock: under race_detector=hybrid, writes made under
// EnterUpgradeableReadLock on one thread and under EnterWriteLock on another share the lock's upgradeable slot, and
// reads under the plain read lock share the lock itself with the writes under the write lock. Nothing is reported.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Entry { public int hits; public int size; }

static class Program
{
    static readonly ReaderWriterLockSlim Gate = new();

    static void Main()
    {
        var entry = new Entry();
        var barrier = new RaceTestBarrier(2);
        int seen = -1;
        var worker = new Thread(() =>
        {
            Gate.EnterUpgradeableReadLock();
            try { entry.hits++; }
            finally { Gate.ExitUpgradeableReadLock(); }
            barrier.Wait();
            Gate.EnterReadLock();
            try { seen = entry.size; }
            finally { Gate.ExitReadLock(); }
        });
        worker.Start();
        barrier.Wait();
        Gate.EnterWriteLock();
        try { entry.hits++; entry.size = 4; }
        finally { Gate.ExitWriteLock(); }
        worker.Join();
        Console.WriteLine($"{entry.hits} {seen >= 0}");
    }
}
// SANITIZE: thread
// ENV: SHARPSAN_OPTIONS=race_detector=hybrid
// CHECK-NOT: ThreadSanitizer
// CHECK: 2 True
// CHECK-NOT: ThreadSanitizer
