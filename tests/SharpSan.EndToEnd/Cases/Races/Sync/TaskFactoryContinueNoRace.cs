// Task.Factory.StartNew, new Task + Start, RunSynchronously, ContinueWith (both Task and Task<T>), Task.WhenAny and
// Task.WaitAny: every edge the TPL guarantees, no report.
using System;
using System.Threading;
using System.Threading.Tasks;

class Box { public int value; }

static class Program
{
    static async Task<int> ViaWhenAny(Box box)
    {
        var work = Task.Run(() => { box.value = 5; });
        var timeout = Task.Delay(TimeSpan.FromSeconds(30));
        var winner = await Task.WhenAny(work, timeout);
        return winner == work ? box.value : -1;
    }

    static void Main()
    {
        var a = new Box { value = 1 };
        Task.Factory.StartNew(() => { a.value++; }).Wait();
        int total = a.value;                                  // 2

        var b = new Box();
        var fromFactory = Task.Factory.StartNew(() => { b.value = 3; return b.value; });
        total += fromFactory.Result + b.value;                // 8

        var c = new Box();
        var cold = new Task(() => { c.value += 4; });
        c.value = 1;                                          // before Start: visible to the task
        cold.Start();
        cold.Wait();
        total += c.value;                                     // 13

        var d = new Box();
        var sync = new Task<int>(() => d.value + 1);
        d.value = 1;
        sync.RunSynchronously();
        total += sync.Result;                                 // 15

        var e = new Box();
        var first = Task.Run(() => { e.value = 10; });
        var second = first.ContinueWith(t => { e.value += 1; });
        second.Wait();
        total += e.value;                                     // 26

        var f = new Box();
        var produce = Task.Run(() => { f.value = 20; return 1; });
        var next = produce.ContinueWith(t => f.value + t.Result);
        total += next.Result;                                 // 47

        var g = new Box();
        var h = Task.Run(() => { g.value = 30; });
        var chained = h.ContinueWith(t => g.value);
        total += chained.Result;                              // 77

        total += ViaWhenAny(new Box()).Result;                // 82

        var k = new Box();
        var tasks = new[] { Task.Run(() => { k.value = 100; }) };
        int index = Task.WaitAny(tasks);
        total += k.value + index;                             // 182

        Console.WriteLine("total " + total);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: total 182
// CHECK-NOT: ThreadSanitizer
