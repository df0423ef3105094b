// Main writes before Task.Run; the task reads and writes; main reads after Wait.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Box { public int value; }

static class Program
{
    static void Main()
    {
        var box = new Box();
        box.value = 20;
        var task = Task.Run(() => box.value += 22);
        task.Wait();
        Console.WriteLine(box.value);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 42
// CHECK-NOT: ThreadSanitizer
