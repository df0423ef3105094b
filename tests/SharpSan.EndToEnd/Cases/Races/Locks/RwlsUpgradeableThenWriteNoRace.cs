// The classic get-or-add: look under an upgradeable read lock, upgrade to the write lock only to add. Two threads do
// it while a third only reads under the read lock: no report.
using System;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

class Registry
{
    readonly ReaderWriterLockSlim _lock = new();
    readonly Dictionary<string, int> _ids = new();
    int _next;

    public int IdOf(string name)
    {
        _lock.EnterUpgradeableReadLock();
        try
        {
            if (_ids.TryGetValue(name, out int id)) return id;
            _lock.EnterWriteLock();
            try
            {
                _ids[name] = ++_next;
                return _next;
            }
            finally { _lock.ExitWriteLock(); }
        }
        finally { _lock.ExitUpgradeableReadLock(); }
    }

    public int Count()
    {
        if (!_lock.TryEnterReadLock(5000)) return -1;
        try { return _ids.Count + _next; }
        finally { _lock.ExitReadLock(); }
    }
}

static class Program
{
    static void Main()
    {
        var registry = new Registry();
        var barrier = new RaceTestBarrier(3);
        var threads = new Thread[2];
        for (int t = 0; t < 2; t++)
        {
            threads[t] = new Thread(() =>
            {
                barrier.Wait();
                for (int i = 0; i < 20; i++) registry.IdOf("name" + (i % 5));
            });
            threads[t].Start();
        }
        int seen = 0;
        var reader = new Thread(() =>
        {
            barrier.Wait();
            for (int i = 0; i < 20; i++) seen = Math.Max(seen, registry.Count());
        });
        reader.Start();
        foreach (var thread in threads) thread.Join();
        reader.Join();
        Console.WriteLine("count " + registry.Count() + (seen <= 10 ? " ok" : " odd"));
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: count 10 ok
// CHECK-NOT: ThreadSanitizer
