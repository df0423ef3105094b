// Task.Factory.ContinueWhenAll: the continuation runs after every antecedent completed, so it reads what they wrote;
// waiting for the continuation's task orders the caller after what the continuation wrote. The generic overload
// (antecedents with results, a continuation returning a value) gives the same edges.
using System;
using System.Threading.Tasks;

namespace Demo;

class Parts { public int left; public int right; public int total; }

static class Program
{
    static void Main()
    {
        var parts = new Parts();
        var a = Task.Run(() => { parts.left = 40; });
        var b = Task.Run(() => { parts.right = 2; });
        var sum = Task.Factory.ContinueWhenAll(new[] { a, b }, done =>
        {
            parts.total = parts.left + parts.right;
        });
        sum.Wait();
        Console.WriteLine($"total {parts.total}");

        var x = Task.Run(() => { parts.left = 7; return 1; });
        var y = Task.Run(() => { parts.right = 8; return 2; });
        var product = Task.Factory.ContinueWhenAll(new[] { x, y }, done => parts.left * parts.right + done[0].Result + done[1].Result);
        Console.WriteLine($"product {product.Result} left {parts.left}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: total 42
// CHECK: product 59 left 7
// CHECK-NOT: ThreadSanitizer
