// BitFaster.Caching's Striped64.Cell: the constructor writes a padded struct field; the cell is published with a plain
// store into a table slot, and other threads then update the member with Interlocked and read it with Volatile. The
// constructor's write happened before the cell could be seen: it races with neither the atomic reads nor the CAS.
using System;
using System.Runtime.InteropServices;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

[StructLayout(LayoutKind.Explicit, Size = 64)]
struct PaddedLong
{
    [FieldOffset(0)] public long value;

    public long VolatileRead() => Volatile.Read(ref value);
    public bool CompareAndSwap(long expected, long updated) => Interlocked.CompareExchange(ref value, updated, expected) == expected;
}

sealed class Cell
{
    public PaddedLong value;
    public Cell(long x) { value = new PaddedLong() { value = x }; }
}

static class Program
{
    [BenignRace("published with a plain store, read without synchronisation")]
    static Cell s_cell;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            s_cell = new Cell(40);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var c = s_cell;
        long v = c.value.VolatileRead();
        c.value.CompareAndSwap(v, v + 2);
        Console.WriteLine("cell " + c.value.VolatileRead());
        worker.Join();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: cell 42
// CHECK-NOT: ThreadSanitizer
