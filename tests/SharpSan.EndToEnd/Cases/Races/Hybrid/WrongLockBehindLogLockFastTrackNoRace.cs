// WrongLockBehindLogLockRace under the default detector: the logging lock orders the two writes in this schedule, so
// FastTrack reports nothing although the field is guarded by two different locks (race_detector=hybrid finds it).
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Account { public long total; }

static class Program
{
    static readonly object AccountLock = new();
    static readonly object AuditLock = new();
    static readonly object LogLock = new();
    static int s_logged;

    static void Main()
    {
        var account = new Account();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            lock (AccountLock) account.total += 10;
            lock (LogLock) s_logged++;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        lock (LogLock) s_logged++;
        lock (AuditLock) account.total += 5;
        worker.Join();
        Console.WriteLine("total " + account.total);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: total 15
// CHECK-NOT: ThreadSanitizer
