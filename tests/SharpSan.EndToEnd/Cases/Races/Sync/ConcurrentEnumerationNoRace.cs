// A producer fills items and adds them to thread-safe collections; the consumer enumerates the collections (directly,
// and through the non-generic IEnumerable as old-style or reflection-driven code does) and reads the items' fields.
// Every item an enumerator yields was added after its fields were written, so the reads are ordered.
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
        foreach (object o in items) sum += o is Item item ? item.value : ((Item)((DictionaryEntry)o).Value!).value;
        return sum;
    }

    static void Main()
    {
        var queue = new ConcurrentQueue<Item>();
        var bag = new ConcurrentBag<Item>();
        var byName = new ConcurrentDictionary<string, Item>();
        var barrier = new RaceTestBarrier(2);
        // Made (and seen by the producer) before it starts: its writes below are checked, not those of a fresh object.
        Item a = new(), b = new(), c = new();
        var producer = new Thread(() =>
        {
            a.value = 1;
            queue.Enqueue(a);
            b.value = 10;
            bag.Add(b);
            c.value = 100;
            byName["c"] = c;
            barrier.Wait();
        });
        producer.Start();
        barrier.Wait();
        int direct = 0;
        foreach (var item in queue) direct += item.value;
        foreach (var pair in byName) direct += pair.Value.value;
        int untyped = SumUntyped(queue) + SumUntyped(bag);
        producer.Join();
        Console.WriteLine($"direct {direct} untyped {untyped}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: direct 101 untyped 11
// CHECK-NOT: ThreadSanitizer
