// The twin of TaskFactoryContinueWhenAnyNoRace: the continuation follows the first antecedent to complete, not the
// others. The loser writes a field before it completes; the continuation reads it, unordered (the test barrier makes
// the write come first; the loser completes only after the continuation).
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Box { public int value; public int late; public int seen; }

static class Program
{
    static void Main()
    {
        var box = new Box();
        var barrier = new RaceTestBarrier(2);
        var release = new TaskCompletionSource<int>();
        var fast = Task.Run(() => { box.value = 42; });
        var slow = Task.Run(() =>
        {
            box.late = 1;
            barrier.Wait();
            release.Task.Wait();
        });
        var next = Task.Factory.ContinueWhenAny(new[] { fast, slow }, winner =>
        {
            barrier.Wait();
            box.seen = box.value + box.late;
        });
        next.Wait();
        release.SetResult(0);
        slow.Wait();
        Console.WriteLine($"seen {box.seen}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}TaskFactoryContinueWhenAnyLoserRace.cs:[[@LINE-11]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}TaskFactoryContinueWhenAnyLoserRace.cs:[[@LINE-20]]
// CHECK: Location is field Demo.Box.late of object of type Demo.Box.
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: seen 43
