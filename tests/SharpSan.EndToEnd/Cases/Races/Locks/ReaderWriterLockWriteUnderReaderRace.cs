// System.Threading.ReaderWriterLock (the old class): a list appended to under AcquireReaderLock. Readers share the
// lock, so the two appends race.
using System;
using System.Threading;
using SharpSan.Annotations;

class Log
{
    public readonly ReaderWriterLock Lock = new();
    public int count;

    public void Append()
    {
        Lock.AcquireReaderLock(5000);
        try { count = count + 1; }
        finally { Lock.ReleaseReaderLock(); }
    }
}

static class Program
{
    static void Main()
    {
        var log = new Log();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            log.Append();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        log.Append();
        worker.Join();
        Console.WriteLine("count " + log.count);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: {{Read|Write}} of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Log.Append() {{.*}}ReaderWriterLockWriteUnderReaderRace.cs:[[@LINE-26]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Log.Append() {{.*}}ReaderWriterLockWriteUnderReaderRace.cs:[[@LINE-28]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}ReaderWriterLockWriteUnderReaderRace.cs:[[@LINE-29]] in Log.Append()
// CHECK: count 2
