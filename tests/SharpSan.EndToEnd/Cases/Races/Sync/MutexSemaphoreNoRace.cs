// Mutex (WaitOne/ReleaseMutex) as a lock, and a kernel Semaphore (Release/WaitOne) as a hand-off: no report.
using System;
using System.Threading;
using SharpSan.Annotations;

class Box { public int value; }

static class Program
{
    static void Main()
    {
        var counter = new Box();
        var handed = new Box();
        var mutex = new Mutex();
        var semaphore = new Semaphore(0, 1);
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            mutex.WaitOne();
            counter.value++;
            mutex.ReleaseMutex();
            handed.value = 7;
            semaphore.Release();
        });
        worker.Start();
        barrier.Wait();
        mutex.WaitOne();
        counter.value++;
        mutex.ReleaseMutex();
        semaphore.WaitOne();
        Console.WriteLine("handed " + handed.value);
        worker.Join();
        Console.WriteLine("counter " + counter.value);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: handed 7
// CHECK: counter 2
// CHECK-NOT: ThreadSanitizer
