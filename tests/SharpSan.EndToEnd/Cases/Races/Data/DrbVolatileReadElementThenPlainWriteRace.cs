// Two workers read one slot of an array with Volatile.Read (their reads are shared), then the main thread overwrites
// the slot with a plain store, ordered after neither: a plain write racing with atomic reads. Whether the two reads
// end up in a shared read clock (which has no room for the atomic flag) depends on timing, so either wording is fine.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Main()
    {
        var slots = new int[4];
        var barrier = new RaceTestBarrier(3);
        int sum = 0;
        ThreadStart read = () =>
        {
            Interlocked.Add(ref sum, Volatile.Read(ref slots[2]));
            barrier.Wait();
        };
        var a = new Thread(read);
        var b = new Thread(read);
        a.Start();
        b.Start();
        barrier.Wait();
        slots[2] = 7;
        a.Join();
        b.Join();
        Console.WriteLine($"sum {sum}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbVolatileReadElementThenPlainWriteRace.cs:[[@LINE-9]]
// CHECK: Previous {{(atomic )?}}read of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbVolatileReadElementThenPlainWriteRace.cs:[[@LINE-19]]
// CHECK: Location is element [2] of array int[] of length 4.
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: sum 0
