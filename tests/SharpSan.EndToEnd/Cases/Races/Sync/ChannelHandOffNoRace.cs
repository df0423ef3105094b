// System.Threading.Channels: TryWrite/WriteAsync on the writer, TryRead and ReadAllAsync on the reader. No report.
using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

class Message { public int payload; }

static class Program
{
    static async Task<long> ConsumeAll(ChannelReader<Message> reader)
    {
        long sum = 0;
        await foreach (var m in reader.ReadAllAsync()) sum += m.payload;
        return sum;
    }

    static async Task Produce(ChannelWriter<Message> writer)
    {
        for (int i = 1; i <= 10; i++)
        {
            var m = new Message();
            m.payload = i;
            if (i % 2 == 0) await writer.WriteAsync(m); else writer.TryWrite(m);
        }
        writer.Complete();
    }

    static void Main()
    {
        var channel = Channel.CreateUnbounded<Message>();
        var consumer = Task.Run(() => ConsumeAll(channel.Reader));
        var producer = Task.Run(() => Produce(channel.Writer));
        producer.Wait();
        long sum = consumer.Result;

        var bounded = Channel.CreateBounded<Message>(4);
        var writerThread = new Thread(() =>
        {
            for (int i = 1; i <= 4; i++) { var m = new Message(); m.payload = i * 100; bounded.Writer.TryWrite(m); }
        });
        writerThread.Start();
        int got = 0;
        while (got < 4)
        {
            if (bounded.Reader.TryRead(out var m)) { sum += m.payload; got++; }
            else Thread.Yield();
        }
        writerThread.Join();
        Console.WriteLine("sum " + sum);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 1055
// CHECK-NOT: ThreadSanitizer
