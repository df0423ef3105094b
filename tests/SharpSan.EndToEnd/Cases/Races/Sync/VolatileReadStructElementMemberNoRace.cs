// The shape of a bounded MPMC queue (BitFaster.Caching's MpmcBoundedBuffer, .NET's ConcurrentQueue segment): a producer
// that finds the slot taken reads its sequence number with Volatile.Read and gives up, while the consumer, not ordered
// with that read, clears the slot's item with a plain store. The accesses touch different members of one struct
// element: no race. (An element has one shadow cell, so an atomic on a member must not be recorded there.)
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

struct Slot
{
    public object? Item;
    public int Sequence;
}

static class Program
{
    static void Main()
    {
        var slots = new Slot[4];
        slots[1].Item = "queued";
        slots[1].Sequence = 2;
        var barrier = new RaceTestBarrier(2);
        int seen = 0;
        var producer = new Thread(() =>
        {
            seen = Volatile.Read(ref slots[1].Sequence);   // full: the producer gives up
            barrier.Wait();
        });
        producer.Start();
        barrier.Wait();
        slots[1].Item = null;                              // the consumer takes the item
        producer.Join();
        Console.WriteLine($"seen {seen}, item {slots[1].Item ?? "taken"}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: seen 2, item taken
// CHECK-NOT: ThreadSanitizer
