// System.Threading.Lock: `lock` statement (EnterScope + Scope.Dispose), explicit Enter/Exit and TryEnter. No report.
using System;
using System.Threading;
using SharpSan.Annotations;

class Counter { public int count; }

static class Program
{
    static void Main()
    {
        var counter = new Counter();
        var gate = new Lock();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            for (int i = 0; i < 50; i++)
            {
                lock (gate) counter.count++;
                gate.Enter();
                try { counter.count++; }
                finally { gate.Exit(); }
            }
        });
        worker.Start();
        barrier.Wait();
        for (int i = 0; i < 50; i++)
        {
            lock (gate) counter.count++;
            if (gate.TryEnter(5000))
            {
                try { counter.count++; }
                finally { gate.Exit(); }
            }
        }
        worker.Join();
        Console.WriteLine("count " + counter.count);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: count 200
// CHECK-NOT: ThreadSanitizer
