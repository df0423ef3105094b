// The twin of LockedOwnersFieldRace: the worker's last write to items[13].value is under that item's lock too, so
// main's locked reads and its final write are all ordered after it: silent.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Item { public int value; public int hits; }

static class Program
{
    static void Main()
    {
        var items = new Item[20];
        for (int i = 0; i < items.Length; i++) items[i] = new Item();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            for (int round = 0; round < 3; round++)
                foreach (var item in items)
                    lock (item) { item.value += round; item.hits++; }
            lock (items[13]) items[13].value = -1;
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        int sum = 0;
        foreach (var item in items)
            lock (item) { sum += item.hits; }
        items[13].value = 7;
        worker.Join();
        Console.WriteLine($"done {sum}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: done 60
// CHECK-NOT: ThreadSanitizer
