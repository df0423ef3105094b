// ThreadLocal<T> and [ThreadStatic]: each thread works on its own value; no synchronisation needed, no report.
using System;
using System.Threading;
using SharpSan.Annotations;

class Tally { public int count; }

static class Program
{
    [ThreadStatic] static int t_count;
    [ThreadStatic] static Tally? t_tally;

    static void Main()
    {
        var local = new ThreadLocal<Tally>(() => new Tally());
        var barrier = new RaceTestBarrier(2);
        int workerSum = 0;
        var worker = new Thread(() =>
        {
            barrier.Wait();
            for (int i = 0; i < 100; i++) { local.Value!.count++; t_count++; (t_tally ??= new Tally()).count++; }
            workerSum = local.Value!.count + t_count + t_tally!.count;
        });
        worker.Start();
        barrier.Wait();
        for (int i = 0; i < 50; i++) { local.Value!.count++; t_count++; (t_tally ??= new Tally()).count++; }
        int mainSum = local.Value!.count + t_count + t_tally!.count;
        worker.Join();
        Console.WriteLine("main " + mainSum + " worker " + workerSum);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: main 150 worker 300
// CHECK-NOT: ThreadSanitizer
