// The worker writes the data and publishes it with a Volatile.Write of the flag; main, after it (a test barrier, which
// orders nothing), stores to the same flag with Volatile.Write and reads the data. A store only releases: main never
// acquires the worker's release, so the read races with the write (an Interlocked call, a read-modify-write, releases
// and takes the clock's content at once; a store that did the same would hide this race).
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Board
{
    public int data;
    public int flag;
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
            Volatile.Write(ref board.flag, 1);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Volatile.Write(ref board.flag, 2);
        int seen = board.data;
        worker.Join();
        Console.WriteLine($"done {seen}");
    }
}
// SANITIZE: thread
// CHECK: WARNING: ThreadSanitizer: data race (pid={{[0-9]+}})
// CHECK-NEXT: Read of size 4 at 0x{{[0-9a-f]+}} by main thread:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Main() {{.*}}VolatileWriteTakesNothingRace.cs:[[@LINE-8]]
// CHECK: Previous write of size 4 at 0x{{[0-9a-f]+}} by thread T1:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.<>c__DisplayClass0_0.<Main>b__0() {{.*}}VolatileWriteTakesNothingRace.cs:[[@LINE-17]]
// CHECK: Location is field Demo.Board.data of object of type Demo.Board.
// CHECK-NOT: WARNING: ThreadSanitizer
// CHECK: done 42
