// Unsynchronised lazy initialisation: the worker creates the instance, main checks it.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Service { public int id = 1; }

static class Program
{
    static Service s_instance;

    static Service Instance()
    {
        if (s_instance == null)
            s_instance = new Service();
        return s_instance;
    }

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Instance();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Instance();
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbLazyInitRace.cs:[[@LINE-23]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbLazyInitRace.cs:[[@LINE-24]]
// CHECK: Location is static field Demo.Program.s_instance.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}DrbLazyInitRace.cs:[[@LINE-27]]
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
