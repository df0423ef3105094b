// LogLockHidesRace under the default detector (FastTrack, pure happens-before): the worker releases the logging lock
// after its write and main takes it before its own, so in this schedule the writes are ordered and nothing is
// reported. The race is real (another schedule takes the locks the other way round): only race_detector=hybrid
// finds it in this run.
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
// CHECK-NOT: ThreadSanitizer
// CHECK: done 3
// CHECK-NOT: ThreadSanitizer
