// Correct asynchronous code under memory,thread: tasks fill rented arrays from streams and hand them over through
// awaited results, a shared dictionary is updated under a lock, a native block is filled by Parallel.For and read
// after it. Neither a race nor an uninitialised use may be reported.
using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

static class Program
{
    static async Task<(byte[] Buffer, int Read)> ReadAsync(byte seed)
    {
        await Task.Yield();
        var stream = new MemoryStream(new byte[] { seed, (byte)(seed + 1), (byte)(seed + 2) });
        byte[] buffer = ArrayPool<byte>.Shared.Rent(16);
        int read = stream.Read(buffer, 0, buffer.Length);
        return (buffer, read);
    }

    static unsafe int CountEvensFilledInParallel()
    {
        int* block = (int*)NativeMemory.Alloc(32 * sizeof(int));
        Parallel.For(0, 32, i => block[i] = i);
        int evens = 0;
        for (int i = 0; i < 32; i++)
            if (block[i] % 2 == 0) evens++;
        NativeMemory.Free(block);
        return evens;
    }

    static async Task Main()
    {
        var totals = new Dictionary<int, int>();
        var gate = new object();
        var tasks = new List<Task>();
        for (int t = 0; t < 4; t++)
        {
            int id = t;
            tasks.Add(Task.Run(async () =>
            {
                var (buffer, read) = await ReadAsync((byte)(id * 10));
                int sum = 0;
                for (int i = 0; i < read; i++)
                    if (buffer[i] % 2 == 0) sum += buffer[i];
                ArrayPool<byte>.Shared.Return(buffer);
                lock (gate) totals[id] = sum;
            }));
        }
        await Task.WhenAll(tasks);
        int evens = CountEvensFilledInParallel();
        int grand = 0;
        lock (gate) foreach (var total in totals.Values) grand += total;
        Console.WriteLine($"grand {grand} evens {evens}");
    }
}

// SANITIZE: memory,thread
// CHECK-NOT: ThreadSanitizer
// CHECK-NOT: WARNING:
// CHECK: grand 128 evens 16
// CHECK-NOT: WARNING:
// CHECK-NOT: ThreadSanitizer
