// Task.Factory.ContinueWhenAny: the continuation runs after the antecedent that completed first, the one it is
// handed, so it reads what that task wrote; waiting for the continuation orders the caller after its writes. The
// other antecedent is still pending (a TaskCompletionSource set only afterwards).
using System;
using System.Threading.Tasks;

namespace Demo;

class Box { public int value; public int seen; }

static class Program
{
    static void Main()
    {
        var box = new Box();
        var pending = new TaskCompletionSource<int>();
        var fast = Task.Run(() => { box.value = 42; return 42; });
        var next = Task.Factory.ContinueWhenAny(new[] { fast, pending.Task }, winner =>
        {
            box.seen = box.value + winner.Result - 42;
        });
        next.Wait();
        pending.SetResult(0);
        Console.WriteLine($"seen {box.seen}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: seen 42
// CHECK-NOT: ThreadSanitizer
