// The producer changes the message after enqueueing it: the consumer's read after TryDequeue races with that write.
using System;
using System.Collections.Concurrent;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Message { public int payload; }

static class Program
{
    static void Main()
    {
        var queue = new ConcurrentQueue<Message>();
        var barrier = new RaceTestBarrier(2);
        var producer = new Thread(() =>
        {
            var m = new Message();
            m.payload = 1;
            queue.Enqueue(m);
            m.payload = 2;
            barrier.Wait();
        });
        producer.Start();
        Message? got;
        while (!queue.TryDequeue(out got)) Thread.Yield();
        barrier.Wait();
        int seen = got.payload;
        producer.Join();
        Console.WriteLine("done " + seen);
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}QueueEnqueueThenWriteRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}QueueEnqueueThenWriteRace.cs:[[@LINE-17]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}QueueEnqueueThenWriteRace.cs:[[@LINE-11]] in Demo.Program.Main()
// CHECK: done 2
