// Task<T>.Factory.StartNew (TaskFactory<TResult>, with and without state, options, scheduler) and the state-passing
// Task.Factory.StartNew (with and without a result): the function sees what was written before, its writes are
// visible after Result, Wait or await. No report.
using System;
using System.Threading;
using System.Threading.Tasks;

class Box { public int input; public int output; }

static class Program
{
    static async Task<int> AwaitAsync(Task<int> task) => await task;

    static void Main()
    {
        var box = new Box();
        box.input = 5;
        var first = Task<int>.Factory.StartNew(() => { box.output = box.input * 2; return 1; });
        int sum = first.Result + box.output;

        box.input = 7;
        var second = Task<int>.Factory.StartNew(state => { var b = (Box)state!; b.output += b.input; return 2; }, box);
        second.Wait();
        sum += box.output;

        box.input = 11;
        var third = Task<int>.Factory.StartNew(() => { box.output += box.input; return 3; }, CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        sum += AwaitAsync(third).Result + box.output;

        box.input = 13;
        var fourth = Task.Factory.StartNew(state => { var b = (Box)state!; b.output += b.input; return 4; }, box,
            TaskCreationOptions.None);
        sum += fourth.Result + box.output;

        box.input = 17;
        Task.Factory.StartNew(state => { var b = (Box)state!; b.output += b.input; }, box, CancellationToken.None).Wait();
        sum += box.output;
        Console.WriteLine("sum " + sum);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 162
// CHECK-NOT: ThreadSanitizer
