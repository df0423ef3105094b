// A lock-free pool in the style of Roslyn's ObjectPool: Free stores the object with a plain assignment, Allocate
// claims it with Interlocked.CompareExchange. .NET's memory model makes an object assignment a release for the
// stored instance (and the taker's loads through it depend on the load of the reference), so what the first owner
// wrote into the object happens before the next owner's accesses: no race on the object's fields.
using System;
using System.Threading;

namespace Demo;

sealed class Buffer { public int Length; public int[] Data = new int[8]; }

sealed class Pool
{
    Buffer? _first;

    public void Free(Buffer item) => _first = item;

    public Buffer? TryAllocate()
    {
        var item = _first;
        return item != null && Interlocked.CompareExchange(ref _first, null, item) == item ? item : null;
    }
}

static class Program
{
    static void Main()
    {
        var pool = new Pool();
        var producer = new Thread(() =>
        {
            var buffer = new Buffer();
            buffer.Length = 3;
            buffer.Data[2] = 42;
            pool.Free(buffer);
        });
        producer.Start();
        Buffer? taken;
        while ((taken = pool.TryAllocate()) == null) Thread.Yield();
        Console.WriteLine($"{taken.Length} {taken.Data[2]}");
        taken.Length = 0;
        producer.Join();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: 3 42
// CHECK-NOT: ThreadSanitizer
