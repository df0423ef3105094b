// Main updates the counter twice with Interlocked (the second update finds the counter's clock unchanged since its
// own first one, so it skips the acquire). Then the worker writes the data and increments the counter; main's
// Volatile.Read of the counter (an acquire with no release of its own before it) comes after it and must acquire the
// worker's release although main has seen this clock before: silent. (An acquire skipped because the clock is the one
// main knew, without noticing the worker's release, reports the read.)
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
            board.data = 42;
            Interlocked.Increment(ref board.ticks);
            barrier.Wait();
        });
        worker.Start();
        Interlocked.Increment(ref board.ticks);
        Interlocked.Increment(ref board.ticks);
        barrier.Wait();
        barrier.Wait();
        if (Volatile.Read(ref board.ticks) != 3) throw new InvalidOperationException("lost an update");
        int seen = board.data;
        worker.Join();
        Console.WriteLine($"done {seen}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: done 42
// CHECK-NOT: ThreadSanitizer
