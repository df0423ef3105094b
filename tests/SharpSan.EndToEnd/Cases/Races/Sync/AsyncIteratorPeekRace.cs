// An async iterator produces its first item on a pool thread (held by the barrier until MoveNextAsync has returned
// its pending ValueTask); main reads what the iterator wrote once that ValueTask is complete but before taking its
// result: a race. After GetResult the read is ordered.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Box { public int value; }

static class Program
{
    static async IAsyncEnumerable<int> ProduceAsync(Box box, RaceTestBarrier barrier)
    {
        await Task.Yield();
        barrier.Wait();
        box.value = 42;
        yield return 1;
    }

    static void Main()
    {
        var box = new Box();
        var barrier = new RaceTestBarrier(2);
        var items = ProduceAsync(box, barrier).GetAsyncEnumerator();
        var pending = items.MoveNextAsync();
        barrier.Wait();
        while (!pending.IsCompleted) Thread.Sleep(1);
        int early = box.value;
        bool has = pending.GetAwaiter().GetResult();
        int late = box.value + items.Current;
        items.DisposeAsync().GetAwaiter().GetResult();
        Console.WriteLine("done " + has + " " + (early + late));
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}AsyncIteratorPeekRace.cs:[[@LINE-10]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T{{[0-9]+}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}AsyncIteratorPeekRace.cs:[[@LINE-24]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}AsyncIteratorPeekRace.cs:[[@LINE-13]] in Demo.Program.Main()
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done True 85
