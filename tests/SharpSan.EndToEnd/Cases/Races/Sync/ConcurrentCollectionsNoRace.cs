// Hand-off of mutable objects through ConcurrentQueue, ConcurrentStack, ConcurrentBag and ConcurrentDictionary:
// the producer fills each object before adding it, the consumer reads it after taking it. No report.
using System;
using System.Collections.Concurrent;
using System.Threading;
using SharpSan.Annotations;

class Message { public int payload; }

static class Program
{
    static void Main()
    {
        var queue = new ConcurrentQueue<Message>();
        var stack = new ConcurrentStack<Message>();
        var bag = new ConcurrentBag<Message>();
        var dictionary = new ConcurrentDictionary<int, Message>();
        var barrier = new RaceTestBarrier(2);
        var producer = new Thread(() =>
        {
            barrier.Wait();
            for (int i = 1; i <= 10; i++)
            {
                var q = new Message(); q.payload = i; queue.Enqueue(q);
                var s = new Message(); s.payload = i; stack.Push(s);
                var b = new Message(); b.payload = i; bag.Add(b);
                var d = new Message(); d.payload = i; dictionary.TryAdd(i, d);
                dictionary.GetOrAdd(100 + i, k => new Message { payload = k });
            }
        });
        producer.Start();
        barrier.Wait();
        long sum = 0;
        int got = 0;
        while (got < 10)
        {
            if (queue.TryDequeue(out var m)) { sum += m.payload; got++; }
            else Thread.Yield();
        }
        got = 0;
        while (got < 10)
        {
            if (stack.TryPop(out var m)) { sum += m.payload; got++; }
            else Thread.Yield();
        }
        got = 0;
        while (got < 10)
        {
            if (bag.TryTake(out var m)) { sum += m.payload; got++; }
            else Thread.Yield();
        }
        for (int i = 1; i <= 10; i++)
        {
            Message? m;
            while (!dictionary.TryGetValue(i, out m)) Thread.Yield();
            sum += m.payload;
            while (!dictionary.ContainsKey(100 + i)) Thread.Yield();
            sum += dictionary[100 + i].payload;
        }
        producer.Join();
        Console.WriteLine("sum " + sum);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 1275
// CHECK-NOT: ThreadSanitizer
