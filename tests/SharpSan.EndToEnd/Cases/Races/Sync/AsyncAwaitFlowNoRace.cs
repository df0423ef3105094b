// async/await with Task.Yield, ConfigureAwait(false) and an awaited Task.Run: the method's parts run on different
// threads, each after the previous one. No report.
using System;
using System.Threading.Tasks;

class Box { public int value; }

static class Program
{
    static async Task<int> Step(Box box)
    {
        box.value++;
        await Task.Yield();
        box.value++;
        await Task.Delay(1).ConfigureAwait(false);
        box.value++;
        await Task.Run(() => { box.value++; });
        return box.value;
    }

    static void Main()
    {
        var box = new Box();
        int result = Step(box).Result;
        Console.WriteLine("result " + (result + box.value));
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: result 8
// CHECK-NOT: ThreadSanitizer
