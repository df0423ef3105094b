// report_atomic_races=0 turns off every report between plain and atomic accesses: a plain write after an unordered
// Volatile.Read (reported by default, see DrbVolatileReadThenPlainWriteRace) stays silent.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Flags { public int stop; }

static class Program
{
    static void Main()
    {
        var flags = new Flags();
        var barrier = new RaceTestBarrier(3);
        int seen = 0;
        ThreadStart read = () =>
        {
            Interlocked.Add(ref seen, Volatile.Read(ref flags.stop) + 1);
            barrier.Wait();
        };
        var a = new Thread(read);
        var b = new Thread(read);
        a.Start();
        b.Start();
        barrier.Wait();
        flags.stop = 1;
        a.Join();
        b.Join();
        Console.WriteLine($"seen {seen}");
    }
}
// SANITIZE: thread
// ENV: SHARPSAN_OPTIONS=report_atomic_races=0
// CHECK-NOT: ThreadSanitizer
// CHECK: seen 2
// CHECK-NOT: ThreadSanitizer
