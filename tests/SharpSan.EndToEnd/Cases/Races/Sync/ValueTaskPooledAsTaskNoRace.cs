// ValueTasks from pooling builders ([AsyncMethodBuilder(PoolingAsyncValueTaskMethodBuilder)], an IValueTaskSource
// reused between calls), taken with Result, awaited, turned into a Task with AsTask or Preserve and waited on: what the
// method wrote on its pool thread is visible afterwards. No report.
using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

class Box { public int value; }

static class Program
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    static async ValueTask<int> PooledAsync(Box box, int add)
    {
        await Task.Yield();
        box.value += add;
        return add;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    static async ValueTask PooledVoidAsync(Box box)
    {
        await Task.Delay(1);
        box.value += 1000;
    }

    static async Task<int> AwaitCompletedAsync(ValueTask<int> task) => await task;

    static void Main()
    {
        var box = new Box();
        int sum = 0;
        for (int i = 1; i <= 3; i++)
        {
            var pending = PooledAsync(box, i);
            while (!pending.IsCompleted) Thread.Sleep(1);
            sum += pending.Result;
            box.value *= 2;
        }
        var awaited = PooledAsync(box, 10);
        while (!awaited.IsCompleted) Thread.Sleep(1);
        sum += AwaitCompletedAsync(awaited).Result;
        box.value++;

        PooledVoidAsync(box).AsTask().Wait();
        box.value++;
        sum += PooledAsync(box, 100).AsTask().Result;
        box.value++;

        var preserved = PooledAsync(box, 1000).Preserve();
        preserved.AsTask().Wait();
        sum += preserved.Result;
        box.value++;
        Console.WriteLine("sum " + sum + " value " + box.value);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 1116 value 2136
// CHECK-NOT: ThreadSanitizer
