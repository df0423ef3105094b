// A constructor that stores `this` into a static before it writes a field: from that store on another thread can see
// the object, so the later write races with that thread's read (the reference store released nothing written after it).
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Tracked
{
    [BenignRace("the registry slot itself; what matters here is the object's field")]
    public static Tracked Last;
    public int Id;

    public Tracked(int id)
    {
        Last = this;
        Id = id;
    }
}

static class Program
{
    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            new Tracked(7);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var t = Tracked.Last;
        Console.WriteLine("id " + t.Id);
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}ConstructorLeaksThisRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Tracked..ctor(int) {{.*}}ConstructorLeaksThisRace.cs:[[@LINE-27]]
// CHECK: Location is field Demo.Tracked.Id of object of type Demo.Tracked.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: id 7
// CHECK: done
