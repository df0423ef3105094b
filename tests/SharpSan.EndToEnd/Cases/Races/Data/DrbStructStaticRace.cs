// A static field declared in a struct, incremented by two threads without synchronisation. Statics of value types
// are shadowed like any class's (a static shadow does not change the struct's layout).
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

struct Ids
{
    public static int s_next;
}

static class Program
{
    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Ids.s_next++;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Ids.s_next++;
        worker.Join();
        Console.WriteLine($"done {Ids.s_next}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbStructStaticRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbStructStaticRace.cs:[[@LINE-15]]
// CHECK: Location is static field Demo.Ids.s_next.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 2
