// Issue 11's repro: a worker publishes a new Box through a plain static, main reads the static and then the Box.
// The static is a data race (write vs read, unordered): reported. Box.Value is not: the constructor's write happens
// before the reference store, and main's read goes through the reference it loaded (.NET memory model, "Object
// assignment": the store releases the object's earlier writes; data-dependent loads see them).
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Box
{
    public int Value;
    public Box(int v) { Value = v; }
}

static class Program
{
    static Box s_box;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            s_box = new Box(42);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var b = s_box;
        if (b != null) Console.WriteLine("value " + b.Value);
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}PublishConstructedBoxRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}PublishConstructedBoxRace.cs:[[@LINE-16]]
// CHECK: Location is static field Demo.Program.s_box.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK-NOT: Demo.Box.Value
// CHECK: value 42
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
