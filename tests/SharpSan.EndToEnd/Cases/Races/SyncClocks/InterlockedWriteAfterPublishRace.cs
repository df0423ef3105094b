// Main updates the counter twice with Interlocked (its second update skips the acquire of a clock it knows). The
// worker increments the counter and only then writes the data; main's next update acquires the worker's release,
// which does not cover the write after it: the read races with it (an acquire that took more than the release, e.g.
// the worker's clock as it is now, would hide it).
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Board
{
    public int data;
    public int ticks;
}

static class Program
{
    static void Main()
    {
        var board = new Board();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            Interlocked.Increment(ref board.ticks);
            board.data = 42;
            barrier.Wait();
        });
        worker.Start();
        Interlocked.Increment(ref board.ticks);
        Interlocked.Increment(ref board.ticks);
        barrier.Wait();
        barrier.Wait();
        Interlocked.Increment(ref board.ticks);
        int seen = board.data;
        worker.Join();
        Console.WriteLine($"done {seen}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}InterlockedWriteAfterPublishRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.<>c__DisplayClass0_0.<Main>b__0() {{.*}}InterlockedWriteAfterPublishRace.cs:[[@LINE-19]]
// CHECK: Location is field Demo.Board.data of object of type Demo.Board.
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 42
