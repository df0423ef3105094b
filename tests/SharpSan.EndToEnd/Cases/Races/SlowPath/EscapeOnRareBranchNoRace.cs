// The twin of EscapeOnRareBranchRace: the worker hands the published box back through a volatile flag (a release
// and an acquire), so main's update after reading the flag is ordered after the worker's write; every other box is
// private to Fill. Silent.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Box { public int value; }

static class Program
{
    static Box? s_shared;
    static int s_done;

    static int Fill(int count, int publishAt, RaceTestBarrier barrier)
    {
        int total = 0;
        for (int i = 0; i < count; i++)
        {
            var box = new Box();
            box.value = i;
            if (i == publishAt)
            {
                Volatile.Write(ref s_shared, box);
                barrier.Wait();
                barrier.Wait();
                if (Volatile.Read(ref s_done) != 1) throw new InvalidOperationException("worker not done");
            }
            box.value += 1;
            total += box.value;
        }
        return total;
    }

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            var box = Volatile.Read(ref s_shared)!;
            box.value = 1000;
            Volatile.Write(ref s_done, 1);
            barrier.Wait();
        });
        worker.Start();
        int total = Fill(100, 97, barrier);
        worker.Join();
        Console.WriteLine($"done {total}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: done 5953
// CHECK-NOT: ThreadSanitizer
