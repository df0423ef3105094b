// TaskCompletionSource<T> and TaskCompletionSource: the setter's writes are visible to whoever awaits, waits on or
// reads the Result of the task, whether set with SetResult, TrySetResult or SetException. No report.
using System;
using System.Threading;
using System.Threading.Tasks;
using SharpSan.Annotations;

class Box { public int value; }

static class Program
{
    static async Task<int> AwaitIt(Task<int> task) => await task;

    static void Main()
    {
        var a = new Box();
        var tcs = new TaskCompletionSource<int>();
        var barrier = new RaceTestBarrier(2);
        new Thread(() => { barrier.Wait(); a.value = 1; tcs.SetResult(41); }).Start();
        barrier.Wait();
        int total = tcs.Task.Result + a.value;                 // 42

        var b = new Box();
        var tcs2 = new TaskCompletionSource<int>();
        var awaiting = AwaitIt(tcs2.Task);
        new Thread(() => { b.value = 2; tcs2.TrySetResult(8); }).Start();
        total += awaiting.Result + b.value;                    // 52

        var c = new Box();
        var plain = new TaskCompletionSource();
        new Thread(() => { c.value = 3; plain.SetResult(); }).Start();
        plain.Task.Wait();
        total += c.value;                                      // 55

        var d = new Box();
        var failing = new TaskCompletionSource();
        new Thread(() => { d.value = 4; failing.SetException(new InvalidOperationException("x")); }).Start();
        try { failing.Task.Wait(); } catch (AggregateException) { total += d.value; }   // 59

        Console.WriteLine("total " + total);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: total 59
// CHECK-NOT: ThreadSanitizer
