// A fresh item stored into a fresh holder stays unseen until the holder is published; from then on it is seen with
// it, so the item's write after the holder's publication races with the reader.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Item
{
    public int Count;
    public int Limit;
}

sealed class Holder
{
    public Item Item;
}

static class Program
{
    [BenignRace("publication slot: the reference store publishes the object")]
    static Holder s_holder;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            var holder = new Holder();
            var item = new Item();
            holder.Item = item;
            item.Limit = 10;
            s_holder = holder;
            item.Count = 3;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var seen = s_holder.Item;
        Console.WriteLine($"limit {seen.Limit}");
        Console.WriteLine($"count {seen.Count}");
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: limit 10
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}EscapeThroughHolderRace.cs:[[@LINE-10]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}EscapeThroughHolderRace.cs:[[@LINE-19]]
// CHECK: Location is field Demo.Item.Count of object of type Demo.Item.
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
