// Producer/consumer: pooled buffers rented on one thread, filled, handed through a queue, read and returned
// on another. Ownership moves with the buffer, so nothing is used after its Return.
using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Threading;

static class Program
{
    static void Main()
    {
        using var queue = new BlockingCollection<(int[] Buffer, int Count)>(8);
        long sum = 0;
        var consumer = new Thread(() =>
        {
            foreach (var (buffer, count) in queue.GetConsumingEnumerable())
            {
                for (int i = 0; i < count; i++) sum += buffer[i];
                ArrayPool<int>.Shared.Return(buffer);
            }
        });
        consumer.Start();
        for (int m = 0; m < 500; m++)
        {
            int count = 1 + m % 90;
            int[] buffer = ArrayPool<int>.Shared.Rent(count);
            for (int i = 0; i < count; i++) buffer[i] = 1;
            queue.Add((buffer, count));
        }
        queue.CompleteAdding();
        consumer.Join();
        Console.WriteLine($"sum={sum}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum=21750
// CHECK-NOT: ERROR:
