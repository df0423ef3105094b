// The classic race only the hybrid detector finds: both threads write `value` without a lock, but each also takes an
// unrelated logging lock between its write and the other's. In this schedule (the test barrier, invisible to the
// sanitizer, makes the worker go first) the logging lock orders the writes for happens-before, so FastTrack is silent
// (LogLockHidesRaceFastTrackNoRace); the hybrid detector ignores that lock's edge and sees two unprotected writes.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Shared { public int value; }

static class Program
{
    static readonly object LogLock = new();
    static int s_logged;

    static void Log()
    {
        lock (LogLock) s_logged++;
    }

    static void Main()
    {
        Log();   // runs Program's type constructor now: its end would otherwise order the worker's write before main's
        var shared = new Shared();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            shared.value = 1;
            Log();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Log();
        shared.value = 2;
        worker.Join();
        Console.WriteLine("done " + s_logged);
    }
}
// SANITIZE: thread
// ENV: SHARPSAN_OPTIONS=race_detector=hybrid
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}LogLockHidesRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.<>c__DisplayClass{{.*}}.<Main>b__{{.*}}() {{.*}}LogLockHidesRace.cs:[[@LINE-18]]
// CHECK: Location is field Demo.Shared.value of object of type Demo.Shared.
// CHECK: Found by the hybrid (lockset) detector: the write held no lock; the previous write held no lock. No lock protects both, and no other synchronisation orders them.
// CHECK-NOT: Locks involved
// CHECK: Thread T1 (tid={{[0-9]+}}, {{running|finished}}) created by main thread at:
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}LogLockHidesRace.cs:[[@LINE-16]] in Demo.Program.Main()
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 3
