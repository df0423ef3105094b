// A worker enqueues while main dequeues: two mutating calls on one Queue.
// The calls are not ordered by happens-before (the test barrier is invisible to the sanitizer).
using System;
using System.Collections.Generic;
using System.Threading;
using SharpSan.Annotations;

static class Program
{
    static void Main()
    {
        var c = new Queue<int>();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            c.Enqueue(1);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var value = c.Dequeue();
        worker.Join();
        Console.WriteLine("done " + value);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 8 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x0000 in Call to Queue<int>.Dequeue (write)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}QueueEnqueueDequeueRace.cs:[[@LINE-9]]
// CHECK: Previous write of size 8 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x0000 in Call to Queue<int>.Enqueue (write)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.<>c__DisplayClass0_0.<Main>b__0() {{.*}}QueueEnqueueDequeueRace.cs:[[@LINE-17]]
// CHECK: Location is Queue<int> object.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}QueueEnqueueDequeueRace.cs:[[@LINE-14]] in Program.Main()
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
