// A static field of a generic class.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

static class Registry<T> { public static int count; }

static class Program
{
    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Registry<int>.count++;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Registry<int>.count++;
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbGenericStaticRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbGenericStaticRace.cs:[[@LINE-15]]
// CHECK: Location is static field Demo.Registry<int>.count.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbGenericStaticRace.cs:[[@LINE-12]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
