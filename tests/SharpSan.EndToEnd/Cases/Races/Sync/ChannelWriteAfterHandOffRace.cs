// The writer keeps changing a message after TryWrite: the reader's use of it after ReadAsync races with that write.
using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using SharpSan.Annotations;

namespace Demo;

class Message { public int payload; }

static class Program
{
    static void Main()
    {
        var channel = Channel.CreateUnbounded<Message>();
        var barrier = new RaceTestBarrier(2);
        var writer = new Thread(() =>
        {
            var m = new Message();
            m.payload = 1;
            channel.Writer.TryWrite(m);
            m.payload = 2;
            barrier.Wait();
        });
        writer.Start();
        var pending = channel.Reader.ReadAsync();
        while (!pending.IsCompleted) Thread.Sleep(1);
        var read = pending.GetAwaiter().GetResult();
        barrier.Wait();
        int seen = read.payload;
        writer.Join();
        Console.WriteLine("done " + (seen > 0));
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}ChannelWriteAfterHandOffRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in {{.*}}ChannelWriteAfterHandOffRace.cs:[[@LINE-18]]
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}ChannelWriteAfterHandOffRace.cs:[[@LINE-11]] in Demo.Program.Main()
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done True
