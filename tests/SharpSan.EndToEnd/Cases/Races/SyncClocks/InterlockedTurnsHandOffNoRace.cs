// Main and the worker take turns on plain data, 500 turns each, handing the turn over with Interlocked.Increment and
// waiting for it with Interlocked.CompareExchange (read-modify-writes only, on one counter, both threads updating it
// all the time): every access to the data is ordered by the counter, so silent. Each update releases and takes the
// counter's clock at once; the acquire after it must still take a release that the other thread made in between.
using System;
using System.Threading;

namespace Demo;

class Board
{
    public int data;
    public int turn;
}

static class Program
{
    const int Turns = 500;

    static void TakeTurns(Board board, int parity)
    {
        for (int round = 0; round < Turns; round++)
        {
            int mine = 2 * round + parity;
            while (Interlocked.CompareExchange(ref board.turn, -1, -1) != mine) Thread.Yield();
            board.data += 1;
            Interlocked.Increment(ref board.turn);
        }
    }

    static void Main()
    {
        var board = new Board();
        var worker = new Thread(() => TakeTurns(board, 1));
        worker.Start();
        TakeTurns(board, 0);
        worker.Join();
        Console.WriteLine($"done {board.data}");
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: done 1000
// CHECK-NOT: ThreadSanitizer
