// System.Threading.ReaderWriterLock (the old class) used correctly: readers under the reader lock, a writer under the
// writer lock, a reader that upgrades to write and downgrades back, and ReleaseLock/RestoreLock around a wait.
using System;
using System.Threading;
using SharpSan.Annotations;

class Store
{
    public readonly ReaderWriterLock Lock = new();
    public int value;
}

static class Program
{
    static void Main()
    {
        var store = new Store();
        var barrier = new RaceTestBarrier(3);
        int read1 = 0, read2 = 0, seenByUpgrader = 0;
        var reader = new Thread(() =>
        {
            barrier.Wait();
            store.Lock.AcquireReaderLock(5000);
            read1 = store.value;
            store.Lock.ReleaseReaderLock();
            store.Lock.AcquireReaderLock(TimeSpan.FromSeconds(5));
            read2 = store.value;
            store.Lock.ReleaseReaderLock();
        });
        var upgrader = new Thread(() =>
        {
            barrier.Wait();
            store.Lock.AcquireReaderLock(5000);
            if (store.value < 100)
            {
                var cookie = store.Lock.UpgradeToWriterLock(5000);
                store.value += 10;
                store.Lock.DowngradeFromWriterLock(ref cookie);
            }
            seenByUpgrader = store.value;
            store.Lock.ReleaseReaderLock();
        });
        reader.Start();
        upgrader.Start();
        barrier.Wait();
        store.Lock.AcquireWriterLock(5000);
        store.value += 1;
        var saved = store.Lock.ReleaseLock();
        Thread.Sleep(1);
        store.Lock.RestoreLock(ref saved);
        store.value += 1;
        store.Lock.ReleaseWriterLock();
        reader.Join();
        upgrader.Join();
        store.Lock.AcquireReaderLock(5000);
        Console.WriteLine("value " + store.value + (read1 <= read2 && seenByUpgrader >= 10 ? "" : " odd"));
        store.Lock.ReleaseReaderLock();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: value 12
// CHECK-NOT: ThreadSanitizer
