// Two boxes made in Run are kept in a fresh array; one of them is published by loading it back from the array
// (`s_shared = boxes[1]`). The analysis cannot tell which box the load gives, so what the array holds must count as
// escaped: main's later write through its own reference races with the worker's write (ordered in time only).
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
        var first = new Box();
        var last = new Box();
        var boxes = new Box[2];
        boxes[0] = first;
        boxes[1] = last;
        Volatile.Write(ref s_shared, boxes[1]);
        barrier.Wait();
        barrier.Wait();
        last.value = 30;
        return last.value;
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
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK: Write of size 4 at {{.*}} by main thread:
// CHECK: #0 {{.*}}Program.Run{{.*}}ElementPublishRace.cs:[[@LINE-22]]
// CHECK: Previous write of size 4 at {{.*}} by thread T{{[0-9]+}}:
// CHECK: #0 {{.*}}ElementPublishRace.cs:[[@LINE-14]]
