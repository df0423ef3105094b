// A field written through a `ref` local on one thread, read directly on the other, unordered. The write happens
// where the ref local is used, and that is the line reported.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Counter { public int value; }

static class Program
{
    static void Fill(Counter counter, RaceTestBarrier barrier)
    {
        ref int slot = ref counter.value;
        Console.WriteLine("filling");
        slot = 5;
        barrier.Wait();
    }

    static void Main()
    {
        var counter = new Counter();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() => Fill(counter, barrier));
        worker.Start();
        barrier.Wait();
        int seen = counter.value;
        worker.Join();
        Console.WriteLine($"done {seen}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}DrbRefLocalFieldRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Fill({{.*}}DrbRefLocalFieldRace.cs:[[@LINE-21]]
// CHECK: Location is field Demo.Counter.value of object of type Demo.Counter.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 5
