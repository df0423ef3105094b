// `total` is meant to be guarded by one lock, but the worker takes AccountLock and main takes AuditLock. A logging
// lock taken by both between the writes orders them in this schedule, so FastTrack is silent
// (WrongLockBehindLogLockFastTrackNoRace); the hybrid detector sees two writes whose locksets do not meet and names
// the locks each side held, with where each was last taken.
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
// ENV: SHARPSAN_OPTIONS=race_detector=hybrid
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}WrongLockBehindLogLockRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.<>c__DisplayClass{{.*}}.<Main>b__{{.*}}() {{.*}}WrongLockBehindLogLockRace.cs:[[@LINE-18]]
// CHECK: Location is field Demo.Account.total of object of type Demo.Account.
// CHECK: Found by the hybrid (lockset) detector: the write held locks {[[MAIN:L[0-9]+]]}; the previous write held locks {[[WORKER:L[0-9]+]]}. No lock protects both, and no other synchronisation orders them.
// CHECK-NEXT: Locks involved in this report (reporting last lock sites): {{.}}L{{[0-9]+}}, L{{[0-9]+}}{{.}}
// CHECK: [[WORKER]] (Monitor of a System.Object) last acquired by thread T1 at:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.<>c__DisplayClass{{.*}}.<Main>b__{{.*}}() {{.*}}WrongLockBehindLogLockRace.cs:[[@LINE-23]]
// CHECK: [[MAIN]] (Monitor of a System.Object) last acquired by main thread at:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}WrongLockBehindLogLockRace.cs:[[@LINE-18]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}WrongLockBehindLogLockRace.cs:[[@LINE-19]] in Demo.Program.Main()
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: total 15
