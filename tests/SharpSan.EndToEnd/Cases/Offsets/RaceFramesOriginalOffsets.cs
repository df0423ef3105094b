// Both stacks of a data race print original IL offsets: the racing store (BitFaster.Caching's buffer Head, reported
// at 0x0087 of the rewritten DrainToImpl while ildasm showed IL_0039) and each caller's call. The report still names
// the field, which the runtime reads from the rewritten IL at the rewritten offset the frame carries.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class RingBuffer
{
    public int Head;
    public int[] Items = { 1, 2, 3, 4 };
}

static class Program
{
    static int Drain(RingBuffer buffer)
    {
        int sum = 0;
        for (int i = 0; i < buffer.Items.Length; i++)
            sum += buffer.Items[i];
        buffer.Head = sum;
        return sum;
    }

    static void Main()
    {
        var buffer = new RingBuffer();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            Drain(buffer);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Drain(buffer);
        worker.Join();
        Console.WriteLine("done");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Write of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x[[@IL(Drain: stfld Head)]] in Demo.Program.Drain(Demo.RingBuffer) {{.*}}RaceFramesOriginalOffsets.cs:[[@LINE-23]]
// CHECK-NEXT: #1 0x[[@IL(Main: call Drain)]] in Demo.Program.Main() {{.*}}RaceFramesOriginalOffsets.cs:[[@LINE-9]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x[[@IL(Drain: stfld Head)]] in Demo.Program.Drain(Demo.RingBuffer) {{.*}}RaceFramesOriginalOffsets.cs:[[@LINE-26]]
// CHECK-NEXT: #1 0x[[@IL(<Main>b__0: call Drain)]] in Demo.Program.<>c__DisplayClass1_0.<Main>b__0() {{.*}}RaceFramesOriginalOffsets.cs:[[@LINE-17]]
// CHECK: Location is field Demo.RingBuffer.Head of object of type Demo.RingBuffer.
// CHECK: SUMMARY: ThreadSanitizer: data race {{.*}}RaceFramesOriginalOffsets.cs:[[@LINE-29]] in Demo.Program.Drain(Demo.RingBuffer)
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done
