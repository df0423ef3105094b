// race_detector=hybrid stays silent on consistently locked data, whatever the lock: a Monitor, a System.Threading.Lock,
// a SpinLock field, and a ReaderWriterLockSlim (reads under the read lock, writes under the write lock). The test
// barrier makes the threads overlap in time, so no happens-before orders the accesses: only the common lock does.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Totals
{
    public int monitored, locked, spun, guarded;
    public readonly object Monitor = new();
    public readonly Lock Lock = new();
    public SpinLock Spin = new(enableThreadOwnerTracking: false);
    public readonly ReaderWriterLockSlim Gate = new();

    public void Add()
    {
        lock (Monitor) monitored++;
        lock (Lock) locked++;
        bool taken = false;
        try { Spin.Enter(ref taken); spun++; }
        finally { if (taken) Spin.Exit(); }
        Gate.EnterWriteLock();
        try { guarded++; }
        finally { Gate.ExitWriteLock(); }
    }

    public int Read()
    {
        Gate.EnterReadLock();
        try { return guarded; }
        finally { Gate.ExitReadLock(); }
    }
}

static class Program
{
    static void Main()
    {
        var totals = new Totals();
        var barrier = new RaceTestBarrier(2);
        int seen = 0;
        var worker = new Thread(() =>
        {
            totals.Add();
            barrier.Wait();
            seen = totals.Read();
        });
        worker.Start();
        barrier.Wait();
        totals.Add();
        int mine = totals.Read();
        worker.Join();
        Console.WriteLine($"{totals.monitored} {totals.locked} {totals.spun} {totals.guarded} {mine + seen > 0}");
    }
}
// SANITIZE: thread
// ENV: SHARPSAN_OPTIONS=race_detector=hybrid
// CHECK-NOT: ThreadSanitizer
// CHECK: 2 2 2 2 True
// CHECK-NOT: ThreadSanitizer
