// A worker fills arrays rented from ArrayPool<long>.Shared and hands them to the main thread through a blocking
// collection; the main thread reads each and returns it to the pool, and the worker's next Rent gets it back and
// writes it again. The pool's own synchronisation orders the main thread's reads before the next renter's writes: no
// report (it was one, reported on Sep's ParallelEnumerate, which pools its result arrays).
using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Threading;

namespace Demo;

static class Program
{
    static void Main()
    {
        using var filled = new BlockingCollection<long[]>(boundedCapacity: 2);
        var worker = new Thread(() =>
        {
            for (int round = 0; round < 200; round++)
            {
                long[] batch = ArrayPool<long>.Shared.Rent(64);
                for (int i = 0; i < 64; i++) batch[i] = round * 64L + i;
                filled.Add(batch);
            }
            filled.CompleteAdding();
        });
        worker.Start();
        long sum = 0;
        foreach (long[] batch in filled.GetConsumingEnumerable())
        {
            for (int i = 0; i < 64; i++) sum += batch[i];
            ArrayPool<long>.Shared.Return(batch);
        }
        worker.Join();
        Console.WriteLine("sum " + sum);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 81913600
// CHECK-NOT: ThreadSanitizer
