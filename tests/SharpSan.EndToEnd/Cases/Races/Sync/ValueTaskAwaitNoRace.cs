// Awaiting ValueTask and ValueTask<T> returned by async methods that finished on another thread: what the method
// wrote is visible after the await (plain and ConfigureAwait(false)). The producer has completed before the
// await (spinning on IsCompleted, which orders nothing), so the awaiting code runs on the main thread. No report.
using System;
using System.Threading;
using System.Threading.Tasks;

class Box { public int value; public int other; }

static class Program
{
    static async ValueTask<int> ProduceAsync(Box box)
    {
        await Task.Yield();
        box.value = 42;
        return 1;
    }

    static async ValueTask FillAsync(Box box)
    {
        await Task.Delay(1);
        box.other = 7;
    }

    static void Spin(ValueTask task) { while (!task.IsCompleted) Thread.Sleep(1); }

    static async Task<int> ConsumeAsync(Box box)
    {
        var produced = ProduceAsync(box);
        while (!produced.IsCompleted) Thread.Sleep(1);
        int result = await produced;
        result += box.value;

        var filled = FillAsync(box);
        Spin(filled);
        await filled;
        result += box.other;

        var again = ProduceAsync(box);
        while (!again.IsCompleted) Thread.Sleep(1);
        result += await again.ConfigureAwait(false);
        box.value++;

        var configured = FillAsync(box);
        Spin(configured);
        await configured.ConfigureAwait(false);
        box.other++;
        return result + box.value + box.other;
    }

    static void Main()
    {
        var box = new Box();
        var consumer = ConsumeAsync(box);
        Console.WriteLine("result " + consumer.Result);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: result 102
// CHECK-NOT: ThreadSanitizer
