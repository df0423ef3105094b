// A fresh object is written once before and once after the store that publishes it: the later write races with the
// reader (it is reported, at its own line); the constructor's and the first write are initializing.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Box
{
    public int Value;
    public int Tag;
    public Box(int v) { Value = v; }
}

static class Program
{
    [BenignRace("publication slot: the reference store publishes the object")]
    static Box s_box;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            var b = new Box(1);
            b.Tag = 5;
            s_box = b;
            b.Value = 2;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var seen = s_box;
        Console.WriteLine($"tag {seen.Tag}");
        Console.WriteLine($"value {seen.Value}");
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: tag 5
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}WriteAfterPublicationRace.cs:[[@LINE-10]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}WriteAfterPublicationRace.cs:[[@LINE-19]]
// CHECK: Location is field Demo.Box.Value of object of type Demo.Box.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
