// A fresh object captured by a lambda escapes with the closure when the delegate is made: the write made after the
// thread started races with the thread's read; the one made before the capture does not (Thread.Start orders it anyway).
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Stats
{
    public int Total;
    public int Count;
}

static class Program
{
    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var stats = new Stats();
        stats.Total = 5;
        int seen = 0;
        var reader = new Thread(() =>
        {
            barrier.Wait();
            seen = stats.Total + stats.Count;
        });
        reader.Start();
        stats.Count = 3;
        barrier.Wait();
        reader.Join();
        Console.WriteLine("seen " + seen);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}CapturedByLambdaRace.cs:[[@LINE-12]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}CapturedByLambdaRace.cs:[[@LINE-11]]
// CHECK: Location is field Demo.Stats.Count of object of type Demo.Stats.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: seen 8
