// A worker polls a flag with Volatile.Read; the main thread then stores it with a plain write, not ordered after the
// read. TSan: an atomic read and a plain write of one variable race (the store needs Volatile.Write or Interlocked).
// The read comes first, so the race is seen only if the atomic read is recorded in the variable's shadow.
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
        var barrier = new RaceTestBarrier(2);
        int seen = -1;
        var worker = new Thread(() =>
        {
            seen = Volatile.Read(ref flags.stop);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        flags.stop = 1;
        worker.Join();
        Console.WriteLine($"seen {seen}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbVolatileReadThenPlainWriteRace.cs:[[@LINE-8]]
// CHECK: Previous atomic read of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbVolatileReadThenPlainWriteRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Flags.stop of object of type Demo.Flags.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbVolatileReadThenPlainWriteRace.cs:[[@LINE-12]]
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: seen 0
