// Striped64's cell table (BitFaster.Caching, Doug Lea's LongAdder): a fresh array is filled with fresh cells under a
// spin lock and published with a plain store; readers index it without the lock. The table slot is declared benign;
// the array's elements and the cells' fields were written before anyone could see them.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

sealed class Cell
{
    public long Value;
    public Cell(long x) { Value = x; }
}

sealed class Striped
{
    [BenignRace("published with a plain store under cellsBusy, read without it")]
    Cell[] _cells;
    int _cellsBusy;

    public void Init(long x, int h)
    {
        if (Interlocked.CompareExchange(ref _cellsBusy, 1, 0) != 0) return;
        try
        {
            var rs = new Cell[2];
            rs[h & 1] = new Cell(x);
            rs[(h + 1) & 1] = new Cell(0);
            _cells = rs;
        }
        finally
        {
            Volatile.Write(ref _cellsBusy, 0);
        }
    }

    public void Expand()
    {
        if (Interlocked.CompareExchange(ref _cellsBusy, 1, 0) != 0) return;
        try
        {
            var old = _cells;
            var rs = new Cell[old.Length << 1];
            for (var i = 0; i < old.Length; ++i)
                rs[i] = old[i];
            for (var i = old.Length; i < rs.Length; ++i)
                rs[i] = new Cell(i);
            _cells = rs;
        }
        finally
        {
            Volatile.Write(ref _cellsBusy, 0);
        }
    }

    public long Sum()
    {
        var cs = _cells;
        long sum = 0;
        if (cs != null)
            for (var i = 0; i < cs.Length; ++i)
                if (cs[i] is { } c) sum += c.Value;
        return sum;
    }
}

static class Program
{
    static void Main()
    {
        var striped = new Striped();
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            striped.Init(5, 1);
            striped.Expand();
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        Console.WriteLine("sum " + striped.Sum());
        worker.Join();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 10
// CHECK-NOT: ThreadSanitizer
