// The twin of ElementOfPublishedSiteRace: the published box is written by the worker, and main writes it through the
// array only after joining the worker. The elements count as reachable by others and are checked; the accesses are
// ordered. Silent.
using System;
using System.Threading;

namespace Demo;

class Box { public int value; }

static class Program
{
    static Box? s_shared;

    static int Run(Thread worker)
    {
        var boxes = new Box[4];
        for (int i = 0; i < boxes.Length; i++)
        {
            var box = new Box();
            box.value = i;
            if (i == 2) Volatile.Write(ref s_shared, box);
            boxes[i] = box;
        }
        worker.Start();
        worker.Join();
        boxes[2].value += 30;
        return boxes[2].value;
    }

    static void Main()
    {
        var worker = new Thread(() => Volatile.Read(ref s_shared)!.value = 20);
        Console.WriteLine($"done {Run(worker)}");
    }
}
// SANITIZE: thread
// OPTIMIZE: true
// CHECK-NOT: ThreadSanitizer
// CHECK: done 50
// CHECK-NOT: ThreadSanitizer
