// Upgradeable read locks exclude each other: two threads that only ever update the counter under the upgradeable
// lock (never a plain read lock) are ordered, even without upgrading. No report.
using System;
using System.Threading;
using SharpSan.Annotations;

class Sequence
{
    readonly ReaderWriterLockSlim _lock = new();
    int _last;

    public int Next()
    {
        if (!_lock.TryEnterUpgradeableReadLock(5000)) return -1;
        try { return ++_last; }
        finally { _lock.ExitUpgradeableReadLock(); }
    }
}

static class Program
{
    static void Main()
    {
        var sequence = new Sequence();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            for (int i = 0; i < 50; i++) sequence.Next();
        });
        worker.Start();
        barrier.Wait();
        for (int i = 0; i < 50; i++) sequence.Next();
        worker.Join();
        Console.WriteLine("last " + sequence.Next());
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: last 101
// CHECK-NOT: ThreadSanitizer
