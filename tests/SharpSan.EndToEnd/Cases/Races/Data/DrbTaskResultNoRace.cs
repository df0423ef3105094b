// A task's side effects are visible after .Result.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Box { public double value; }

static class Program
{
    static void Main()
    {
        var box = new Box();
        var task = Task.Run(() => { box.value = 2.5; return 1; });
        int r = task.Result;
        Console.WriteLine(box.value + r);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 3.5
// CHECK-NOT: ThreadSanitizer
