// ThreadPool.QueueUserWorkItem (all public overloads) and UnsafeQueueUserWorkItem: the callback sees what was written
// before queueing; main sees the callback's writes after the event it sets. No report.
using System;
using System.Threading;

class Box { public int input; public int output; }

sealed class Item : IThreadPoolWorkItem
{
    public Box box = new();
    public ManualResetEventSlim done = new(false);
    public void Execute() { box.output = box.input * 2; done.Set(); }
}

static class Program
{
    static void Main()
    {
        int total = 0;

        var a = new Box { input = 1 };
        var doneA = new ManualResetEventSlim(false);
        ThreadPool.QueueUserWorkItem(_ => { a.output = a.input + 1; doneA.Set(); });
        doneA.Wait();
        total += a.output;

        var b = new Box { input = 10 };
        var doneB = new ManualResetEventSlim(false);
        ThreadPool.QueueUserWorkItem(state => { var box = (Box)state!; box.output = box.input + 1; doneB.Set(); }, b);
        doneB.Wait();
        total += b.output;

        var c = new Box { input = 100 };
        var doneC = new ManualResetEventSlim(false);
        ThreadPool.QueueUserWorkItem(box => { box.output = box.input + 1; doneC.Set(); }, c, preferLocal: false);
        doneC.Wait();
        total += c.output;

        var d = new Box { input = 1000 };
        var doneD = new ManualResetEventSlim(false);
        ThreadPool.UnsafeQueueUserWorkItem(state => { var box = (Box)state!; box.output = box.input + 1; doneD.Set(); }, d);
        doneD.Wait();
        total += d.output;

        var item = new Item();
        item.box.input = 5;
        ThreadPool.UnsafeQueueUserWorkItem(item, preferLocal: false);
        item.done.Wait();
        total += item.box.output;

        Console.WriteLine("total " + total);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: total 1125
// CHECK-NOT: ThreadSanitizer
