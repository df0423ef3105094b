// An array element updated through a `ref` local on a worker; the main thread overwrites it, unordered.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

static class Program
{
    static void Bump(int[] data, RaceTestBarrier barrier)
    {
        ref int entry = ref data[2];
        Console.WriteLine("bumping");
        entry += 1;
        barrier.Wait();
    }

    static void Main()
    {
        var data = new int[4];
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() => Bump(data, barrier));
        worker.Start();
        barrier.Wait();
        data[2] = 7;
        worker.Join();
        Console.WriteLine($"done {data[2]}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbRefLocalElementRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Bump({{.*}}DrbRefLocalElementRace.cs:[[@LINE-21]]
// CHECK: Location is element [2] of array int[] of length 4.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 7
