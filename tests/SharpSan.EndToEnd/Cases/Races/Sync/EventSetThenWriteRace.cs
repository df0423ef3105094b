// The worker writes again after Set: that write is not ordered before main's read after WaitOne.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Box { public int value; }

static class Program
{
    static void Main()
    {
        var box = new Box();
        var ready = new ManualResetEvent(false);
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            box.value = 1;
            ready.Set();
            box.value = 2;
            barrier.Wait();
        });
        worker.Start();
        ready.WaitOne();
        barrier.Wait();
        int seen = box.value;
        worker.Join();
        Console.WriteLine("done " + seen);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}EventSetThenWriteRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}EventSetThenWriteRace.cs:[[@LINE-16]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}EventSetThenWriteRace.cs:[[@LINE-11]] in Demo.Program.Main()
// CHECK: done 2
