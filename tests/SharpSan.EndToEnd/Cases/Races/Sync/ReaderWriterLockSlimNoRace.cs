// ReaderWriterLockSlim: writers under the write lock, readers under the read lock, an upgradeable reader that
// upgrades to write: no report.
using System;
using System.Threading;
using SharpSan.Annotations;

class Box { public int value; }

static class Program
{
    static void Main()
    {
        var box = new Box();
        var rw = new ReaderWriterLockSlim();
        var barrier = new RaceTestBarrier(3);
        int r1 = 0, r2 = 0;
        var writer = new Thread(() =>
        {
            barrier.Wait();
            rw.EnterWriteLock();
            box.value += 10;
            rw.ExitWriteLock();
        });
        var reader = new Thread(() =>
        {
            barrier.Wait();
            rw.EnterReadLock();
            r1 = box.value;
            rw.ExitReadLock();
            if (rw.TryEnterReadLock(5000))
            {
                r2 = box.value;
                rw.ExitReadLock();
            }
        });
        writer.Start();
        reader.Start();
        barrier.Wait();
        rw.EnterUpgradeableReadLock();
        if (box.value < 100)
        {
            rw.EnterWriteLock();
            box.value += 1;
            rw.ExitWriteLock();
        }
        rw.ExitUpgradeableReadLock();
        writer.Join();
        reader.Join();
        Console.WriteLine("value " + box.value + (r1 <= r2 ? " ordered" : " odd"));
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: value 11 ordered
// CHECK-NOT: ThreadSanitizer
