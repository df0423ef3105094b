// ChannelReader.ReadAsync hands over what the writer did before TryWrite/WriteAsync: once when the item is already
// there (ReadAsync completes at once) and once when the read is pending before the write. No report.
using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using SharpSan.Annotations;

class Message { public int payload; }

static class Program
{
    static async Task<int> ConsumeAsync(Channel<Message> channel, RaceTestBarrier barrier)
    {
        while (channel.Reader.Count == 0) Thread.Sleep(1);
        var first = await channel.Reader.ReadAsync();
        int sum = first.payload;

        var pending = channel.Reader.ReadAsync();
        barrier.Wait();
        var second = await pending;
        sum += second.payload;

        var third = await channel.Reader.ReadAsync().ConfigureAwait(false);
        return sum + third.payload;
    }

    static void Main()
    {
        var channel = Channel.CreateUnbounded<Message>();
        var barrier = new RaceTestBarrier(2);
        var writer = new Thread(() =>
        {
            var m1 = new Message();
            m1.payload = 1;
            channel.Writer.TryWrite(m1);
            barrier.Wait();
            var m2 = new Message();
            m2.payload = 20;
            channel.Writer.TryWrite(m2);
            var m3 = new Message();
            m3.payload = 300;
            channel.Writer.WriteAsync(m3).AsTask().Wait();
        });
        writer.Start();
        int sum = ConsumeAsync(channel, barrier).Result;
        writer.Join();
        Console.WriteLine("sum " + sum);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 321
// CHECK-NOT: ThreadSanitizer
