// Two async methods awaited one after the other both write a field: ordered by the awaits.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Box { public int value; }

static class Program
{
    static async Task AddAsync(Box box, int amount)
    {
        await Task.Yield();
        box.value += amount;
    }

    static async Task Main()
    {
        var box = new Box();
        await Task.Run(() => AddAsync(box, 40));
        await Task.Run(() => AddAsync(box, 2));
        Console.WriteLine(box.value);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 42
// CHECK-NOT: ThreadSanitizer
