// BlockingCollection: Add/TryAdd on the producer, Take/TryTake/GetConsumingEnumerable on consumers. No report.
using System;
using System.Collections.Concurrent;
using System.Threading;
using SharpSan.Annotations;

class Job { public int input; }

static class Program
{
    static void Main()
    {
        var jobs = new BlockingCollection<Job>();
        var barrier = new RaceTestBarrier(2);
        var producer = new Thread(() =>
        {
            barrier.Wait();
            for (int i = 1; i <= 20; i++)
            {
                var job = new Job();
                job.input = i;
                if (i % 2 == 0) jobs.Add(job); else jobs.TryAdd(job, 1000);
            }
            jobs.CompleteAdding();
        });
        producer.Start();
        barrier.Wait();
        long sum = jobs.Take().input;
        if (jobs.TryTake(out var second, 5000)) sum += second.input;
        foreach (var job in jobs.GetConsumingEnumerable()) sum += job.input;
        producer.Join();
        Console.WriteLine("sum " + sum);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 210
// CHECK-NOT: ThreadSanitizer
