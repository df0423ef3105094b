// ManualResetEventSlim (Set/Wait) and CountdownEvent (Signal/Wait): no report.
using System;
using System.Threading;
using SharpSan.Annotations;

class Box { public int value; }

static class Program
{
    static void Main()
    {
        var box = new Box();
        var ready = new ManualResetEventSlim(false);
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            box.value = 42;
            ready.Set();
        });
        worker.Start();
        barrier.Wait();
        ready.Wait();
        Console.WriteLine("mres " + box.value);
        worker.Join();

        var slots = new int[3];
        var countdown = new CountdownEvent(slots.Length);
        for (int i = 0; i < slots.Length; i++)
        {
            int index = i;
            new Thread(() =>
            {
                slots[index] = index + 1;
                countdown.Signal();
            }).Start();
        }
        countdown.Wait();
        Console.WriteLine("countdown " + (slots[0] + slots[1] + slots[2]));
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: mres 42
// CHECK: countdown 6
// CHECK-NOT: ThreadSanitizer
