// A worker reads a value with Volatile.Read; the main thread joins it and only then resets the value with a plain
// store: the join orders the write after the atomic read, so there is no race.
using System;
using System.Threading;

namespace Demo;

class Slot { public long value = 5; }

static class Program
{
    static void Main()
    {
        var slot = new Slot();
        long seen = -1;
        var worker = new Thread(() => seen = Volatile.Read(ref slot.value));
        worker.Start();
        worker.Join();
        slot.value = 0;
        Console.WriteLine($"seen {seen}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: seen 5
// CHECK-NOT: ThreadSanitizer
