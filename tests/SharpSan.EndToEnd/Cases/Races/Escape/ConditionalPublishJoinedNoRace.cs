// The twin of ConditionalPublishRace: the box published through the conditional is written by the worker, and main
// writes it again only after joining the worker (a happens-before edge). The box counts as escaped, its accesses are
// checked, and they are ordered. Silent.
using System;
using System.Threading;

namespace Demo;

class Box { public int value; }

static class Program
{
    static Box? s_shared;
    static readonly Box s_spare = new();

    static int Run(bool pick, Thread worker)
    {
        var box = new Box();
        box.value = 1;
        Box chosen = pick ? box : s_spare;
        Volatile.Write(ref s_shared, chosen);
        worker.Start();
        worker.Join();
        box.value += 3;
        return box.value;
    }

    static void Main()
    {
        var worker = new Thread(() => Volatile.Read(ref s_shared)!.value = 2);
        Console.WriteLine($"done {Run(true, worker)}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: done 5
// CHECK-NOT: ThreadSanitizer
