// Twenty items, each a lock target (its identity hash then lives in its sync block), each written by the worker under
// its own lock; after the loop the worker writes items[13].value once more without the lock. Main locks every item
// (reading its hits) after the worker is done with it, so it is ordered after the locked writes only: its write to
// items[13].value races with the unlocked one, and the report must name that item's field and the unlocked line (history keys of many
// owners, each hashed once per thread).
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
            items[13].value = -1;
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
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}LockedOwnersFieldRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.<>c__DisplayClass0_0.<Main>b__0() {{.*}}LockedOwnersFieldRace.cs:[[@LINE-18]]
// CHECK: Location is field Demo.Item.value of object of type Demo.Item.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}LockedOwnersFieldRace.cs:[[@LINE-12]] in Demo.Program.Main()
// CHECK: ==================
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 60
