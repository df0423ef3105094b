// Data handed from thread to thread without a lock on the data itself, under race_detector=hybrid: through a
// BlockingCollection (Add happens before the Take that returns the item), through a Task's result (the task's work
// happens before Wait/Result returns), and through a ManualResetEventSlim. These edges stay happens-before in hybrid
// mode, so the unlocked accesses on both sides are ordered and nothing is reported.
using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Demo;

class Order { public int quantity; public string note = ""; }

static class Program
{
    static void Main()
    {
        using var queue = new BlockingCollection<Order>();
        var consumer = new Thread(() =>
        {
            var order = queue.Take();
            order.quantity *= 2;
            order.note += " packed";
        });
        consumer.Start();
        var first = new Order { quantity = 5, note = "first" };
        queue.Add(first);
        consumer.Join();

        var task = Task.Run(() => new Order { quantity = 7, note = "second" });
        var second = task.Result;
        second.quantity++;

        var third = new Order();
        using var ready = new ManualResetEventSlim();
        var producer = new Thread(() =>
        {
            third.quantity = 9;
            ready.Set();
        });
        producer.Start();
        ready.Wait();
        third.quantity++;
        producer.Join();
        Console.WriteLine($"{first.quantity} {first.note} {second.quantity} {third.quantity}");
    }
}
// SANITIZE: thread
// ENV: SHARPSAN_OPTIONS=race_detector=hybrid
// CHECK-NOT: ThreadSanitizer
// CHECK: 10 first packed 8 10
// CHECK-NOT: ThreadSanitizer
