// The worker writes the data and increments one counter with Interlocked; main, after it (a test barrier, which orders
// nothing), increments another counter of the same object and reads the data. Each field is its own atomic location:
// the read-modify-write that releases into main's counter's clock and takes its content at once takes nothing of the
// worker's counter, so the read races with the write.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Board
{
    public int data;
    public long ticks;
    public long other;
}

static class Program
{
    static void Main()
    {
        var board = new Board();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            board.data = 42;
            Interlocked.Increment(ref board.ticks);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Interlocked.Add(ref board.other, 2);
        int seen = board.data;
        worker.Join();
        Console.WriteLine($"done {seen}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}InterlockedOnOtherFieldRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.<>c__DisplayClass0_0.<Main>b__0() {{.*}}InterlockedOnOtherFieldRace.cs:[[@LINE-17]]
// CHECK: Location is field Demo.Board.data of object of type Demo.Board.
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 42
