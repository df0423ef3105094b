// A loop makes one box per slot of a fresh array and publishes one of them (i == 2) as it goes. Loading an element
// back must not count as reaching an unseen box merely because every element came from the same `new`: one box of that
// `new` escaped, and main's later write to it through the array races with the worker's write (ordered in time only).
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Box { public int value; }

static class Program
{
    static Box? s_shared;

    static int Run(RaceTestBarrier barrier)
    {
        var boxes = new Box[4];
        for (int i = 0; i < boxes.Length; i++)
        {
            var box = new Box();
            box.value = i;
            if (i == 2) Volatile.Write(ref s_shared, box);
            boxes[i] = box;
        }
        barrier.Wait();
        barrier.Wait();
        boxes[2].value = 30;
        return boxes[2].value;
    }

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            Volatile.Read(ref s_shared)!.value = 20;
            barrier.Wait();
        });
        worker.Start();
        int value = Run(barrier);
        worker.Join();
        Console.WriteLine($"done {value}");
    }
}
// SANITIZE: thread
// OPTIMIZE: true
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK: Write of size 4 at {{.*}} by main thread:
// CHECK: #0 {{.*}}Program.Run{{.*}}ElementOfPublishedSiteRace.cs:[[@LINE-23]]
// CHECK: Previous write of size 4 at {{.*}} by thread T{{[0-9]+}}:
// CHECK: #0 {{.*}}ElementOfPublishedSiteRace.cs:[[@LINE-15]]
