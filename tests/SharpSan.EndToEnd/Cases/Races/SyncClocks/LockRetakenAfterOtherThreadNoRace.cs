// Main takes and releases a lock twice (the second time it finds the lock's clock unchanged since its own release,
// so it skips the acquire). Then the worker writes the data under the lock; main takes the lock a third time, after
// the worker released it, and must acquire the worker's write although it has seen this clock before: silent.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Board
{
    public int data;
    public int rounds;
}

static class Program
{
    static void Main()
    {
        var board = new Board();
        var gate = new object();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            barrier.Wait();
            lock (gate) { board.data = 42; }
            barrier.Wait();
        });
        worker.Start();
        lock (gate) { board.rounds++; }
        lock (gate) { board.rounds++; }
        barrier.Wait();
        barrier.Wait();
        int seen;
        lock (gate) { seen = board.data + board.rounds; }
        worker.Join();
        Console.WriteLine($"done {seen}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: done 44
// CHECK-NOT: ThreadSanitizer
