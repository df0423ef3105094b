// The twin of ConcurrentEnumerationNoRace: the producer writes the item's field after adding it, so enumerating the
// queue (through the non-generic IEnumerable) orders the consumer after the add, not after that write: a race.
using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Item { public int value; }

static class Program
{
    static int SumUntyped(IEnumerable items)
    {
        int sum = 0;
        foreach (object o in items) sum += ((Item)o).value;
        return sum;
    }

    static void Main()
    {
        var queue = new ConcurrentQueue<Item>();
        var barrier = new RaceTestBarrier(2);
        var producer = new Thread(() =>
        {
            var a = new Item();
            queue.Enqueue(a);
            a.value = 1;
            barrier.Wait();
        });
        producer.Start();
        barrier.Wait();
        int untyped = SumUntyped(queue);
        producer.Join();
        Console.WriteLine($"untyped {untyped}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.SumUntyped({{.*}}) {{.*}}ConcurrentEnumerationLateWriteRace.cs:[[@LINE-25]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}ConcurrentEnumerationLateWriteRace.cs:[[@LINE-15]]
// CHECK: Location is field Demo.Item.value of object of type Demo.Item.
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: untyped 1
