// The worker writes the data and publishes it with Interlocked.Exchange; main, after it (a test barrier, which orders
// nothing), swaps the value with CompareExchange and reads the data: silent. Main's read-modify-write releases into
// the location's clock and takes its content at once, so the acquire after the call finds the version unchanged and
// skips; it must have taken the worker's release already (a release that skipped the taking would report the read).
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

class Board
{
    public int data;
    public int state;
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
            Interlocked.Exchange(ref board.state, 5);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        if (Interlocked.CompareExchange(ref board.state, 6, 5) != 5) throw new InvalidOperationException("lost the update");
        int seen = board.data;
        worker.Join();
        Console.WriteLine($"done {seen}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: done 42
// CHECK-NOT: ThreadSanitizer
