// async Main awaits a Task.Run that wrote the field.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Box { public int value; }

static class Program
{
    static async Task Main()
    {
        var box = new Box();
        await Task.Run(() => box.value = 7);
        box.value *= 6;
        Console.WriteLine(box.value);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 42
// CHECK-NOT: ThreadSanitizer
