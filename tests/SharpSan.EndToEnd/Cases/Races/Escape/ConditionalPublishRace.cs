// A box made in Run is published through a conditional (`pick ? box : s_spare`): the analysis of unpublished objects
// loses track of which object the joined value holds, and must then count the box as escaped. The worker writes the
// published box; main's later write (ordered in time only, by the test barrier) races with it.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Box { public int value; }

static class Program
{
    static Box? s_shared;
    static readonly Box s_spare = new();

    static int Run(bool pick, RaceTestBarrier barrier)
    {
        var box = new Box();
        box.value = 1;
        Box chosen = pick ? box : s_spare;
        Volatile.Write(ref s_shared, chosen);
        barrier.Wait();
        barrier.Wait();
        box.value = 3;
        return box.value;
    }

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            Volatile.Read(ref s_shared)!.value = 2;
            barrier.Wait();
        });
        worker.Start();
        int value = Run(true, barrier);
        worker.Join();
        Console.WriteLine($"done {value}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK: Write of size 4 at {{.*}} by main thread:
// CHECK: #0 {{.*}}Program.Run{{.*}}ConditionalPublishRace.cs:[[@LINE-22]]
// CHECK: Previous write of size 4 at {{.*}} by thread T{{[0-9]+}}:
// CHECK: #0 {{.*}}ConditionalPublishRace.cs:[[@LINE-14]]
