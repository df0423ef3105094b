// Readers read under the read lock, concurrently with each other; a writer then writes under the write lock, and
// more readers read after it. The write lock orders the writer after the earlier readers (their read-unlocks) and
// the later readers after the writer: no report.
using System;
using System.Threading;
using SharpSan.Annotations;

class Table
{
    public readonly ReaderWriterLockSlim Lock = new();
    public int size = 1;
    public int[] slots = new int[4];

    public int Read()
    {
        Lock.EnterReadLock();
        try { return size + slots[size % 4]; }
        finally { Lock.ExitReadLock(); }
    }

    public void Grow()
    {
        Lock.EnterWriteLock();
        try
        {
            size++;
            slots[size % 4] = size;
        }
        finally { Lock.ExitWriteLock(); }
    }
}

static class Program
{
    static void Main()
    {
        var table = new Table();
        var barrier = new RaceTestBarrier(3);
        int sum1 = 0, sum2 = 0;
        var reader1 = new Thread(() =>
        {
            sum1 += table.Read();
            barrier.Wait();
            barrier.Wait();
            sum1 += table.Read();
        });
        var reader2 = new Thread(() =>
        {
            sum2 += table.Read();
            barrier.Wait();
            barrier.Wait();
            sum2 += table.Read();
        });
        reader1.Start();
        reader2.Start();
        barrier.Wait();
        table.Grow();
        barrier.Wait();
        reader1.Join();
        reader2.Join();
        Console.WriteLine("sums " + sum1 + " " + sum2);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sums 5 5
// CHECK-NOT: ThreadSanitizer
