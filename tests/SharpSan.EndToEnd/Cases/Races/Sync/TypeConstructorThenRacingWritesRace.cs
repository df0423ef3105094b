// The type constructor's edge covers only what it did: two threads that later write the same static without
// synchronisation still race.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

static class Settings
{
    public static int s_level = Initial();
    static int Initial() => 3;
}

static class Program
{
    static void Main()
    {
        Console.WriteLine($"level {Settings.s_level}");
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Settings.s_level = 5;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Settings.s_level = 7;
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: level 3
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}TypeConstructorThenRacingWritesRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}TypeConstructorThenRacingWritesRace.cs:[[@LINE-16]]
// CHECK: Location is static field Demo.Settings.s_level.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
