// Hand-off through kernel events: ManualResetEvent, AutoResetEvent, EventWaitHandle, WaitHandle.WaitAll and WaitAny.
// Each worker publishes its data before Set; main reads it after the wait returns: no report.
using System;
using System.Threading;
using SharpSan.Annotations;

class Box { public int value; }

static class Program
{
    static void Main()
    {
        var a = new Box(); var b = new Box(); var c = new Box(); var d = new Box(); var e = new Box();
        var manual = new ManualResetEvent(false);
        var auto = new AutoResetEvent(false);
        var named = new EventWaitHandle(false, EventResetMode.ManualReset);
        var all1 = new ManualResetEvent(false);
        var all2 = new AutoResetEvent(false);
        var any = new ManualResetEvent(false);
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            a.value = 1; manual.Set();
            b.value = 2; auto.Set();
            c.value = 3; named.Set();
            d.value = 4; all1.Set(); all2.Set();
            e.value = 5; any.Set();
        });
        worker.Start();
        barrier.Wait();
        manual.WaitOne();
        int sum = a.value;
        auto.WaitOne(5000);
        sum += b.value;
        named.WaitOne(TimeSpan.FromSeconds(5));
        sum += c.value;
        WaitHandle.WaitAll(new WaitHandle[] { all1, all2 });
        sum += d.value;
        int index = WaitHandle.WaitAny(new WaitHandle[] { any });
        sum += e.value;
        Console.WriteLine("sum " + sum + " index " + index);
        worker.Join();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 15 index 0
// CHECK-NOT: ThreadSanitizer
