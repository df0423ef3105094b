// A worker fills a Queue; main drains it only after Thread.Join: handed over, no report.
using System;
using System.Collections.Generic;
using System.Threading;

static class Program
{
    static void Main()
    {
        var queue = new Queue<int>();
        var worker = new Thread(() =>
        {
            for (int i = 1; i <= 3; i++) queue.Enqueue(i);
        });
        worker.Start();
        worker.Join();
        int sum = 0;
        while (queue.TryDequeue(out int x)) sum += x;
        Console.WriteLine("sum " + sum);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 6
// CHECK-NOT: ThreadSanitizer
