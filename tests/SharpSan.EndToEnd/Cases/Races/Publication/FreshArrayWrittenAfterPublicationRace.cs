// A fresh array: element 0 is written before the store that publishes it, element 1 after. Only element 1 races
// with the reader.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    [BenignRace("publication slot: the reference store publishes the array")]
    static int[] s_values;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            var a = new int[4];
            a[0] = 10;
            s_values = a;
            a[1] = 20;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var seen = s_values;
        int first = seen[0];
        Console.WriteLine($"first {first}");
        int second = seen[1];
        Console.WriteLine($"second {second}");
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: first 10
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}FreshArrayWrittenAfterPublicationRace.cs:[[@LINE-11]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}FreshArrayWrittenAfterPublicationRace.cs:[[@LINE-21]]
// CHECK: Location is element [1] of array int[] of length 4.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
