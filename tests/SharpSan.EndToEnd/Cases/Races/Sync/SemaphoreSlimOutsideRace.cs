// One thread updates the shared counter under the SemaphoreSlim, the other forgets to take it: a race the
// semaphore does not prevent.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Counter { public int count; }

static class Program
{
    static void Main()
    {
        var counter = new Counter();
        var gate = new SemaphoreSlim(1, 1);
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            gate.Wait();
            counter.count = 1;
            gate.Release();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        counter.count = 2;
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}SemaphoreSlimOutsideRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}SemaphoreSlimOutsideRace.cs:[[@LINE-16]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}SemaphoreSlimOutsideRace.cs:[[@LINE-11]] in Demo.Program.Main()
// CHECK: done
