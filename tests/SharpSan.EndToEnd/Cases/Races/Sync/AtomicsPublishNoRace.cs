// Publication through a volatile flag, Volatile.Write/Read and Interlocked: the data written before the releasing
// store is visible after the acquiring load. No report.
using System;
using System.Threading;
using SharpSan.Annotations;

class Data { public int a, b, c; }

static class Program
{
    static volatile bool s_ready;
    static bool s_plainFlag;
    static int s_counter;

    static void Main()
    {
        var data = new Data();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            data.a = 1;
            s_ready = true;
            data.b = 2;
            Volatile.Write(ref s_plainFlag, true);
            data.c = 3;
            Interlocked.Increment(ref s_counter);
        });
        worker.Start();
        barrier.Wait();
        while (!s_ready) Thread.Yield();
        int sum = data.a;
        while (!Volatile.Read(ref s_plainFlag)) Thread.Yield();
        sum += data.b;
        while (Interlocked.CompareExchange(ref s_counter, 0, 0) == 0) Thread.Yield();
        sum += data.c;
        worker.Join();
        Console.WriteLine("sum " + sum);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 6
// CHECK-NOT: ThreadSanitizer
