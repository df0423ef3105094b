// The twin of TaskFactoryContinueWhenAllNoRace: the continuation follows the antecedents it is given, not a third
// task left out of the list, so its read of what that task wrote races (the test barrier makes the write come first).
using System;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Parts { public int left; public int right; public int extra; public int total; }

static class Program
{
    static void Main()
    {
        var parts = new Parts();
        var barrier = new RaceTestBarrier(2);
        var a = Task.Run(() => { parts.left = 40; });
        var b = Task.Run(() => { parts.right = 2; });
        var forgotten = Task.Run(() =>
        {
            parts.extra = 100;
            barrier.Wait();
        });
        var sum = Task.Factory.ContinueWhenAll(new[] { a, b }, done =>
        {
            barrier.Wait();
            parts.total = parts.left + parts.right + parts.extra;
        });
        sum.Wait();
        forgotten.Wait();
        Console.WriteLine($"total {parts.total}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}TaskFactoryContinueWhenAllRace.cs:[[@LINE-10]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by {{.*}}:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}TaskFactoryContinueWhenAllRace.cs:[[@LINE-18]]
// CHECK: Location is field Demo.Parts.extra of object of type Demo.Parts.
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: total 142
