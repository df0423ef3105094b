// Async methods that keep a rented buffer across awaits (resuming on pool threads) and return it in finally.
using System;
using System.Buffers;
using System.Linq;
using System.Threading.Tasks;

static class Program
{
    static async Task<int> ProcessAsync(int seed)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(256);
        try
        {
            for (int i = 0; i < 256; i++) buffer[i] = (byte)(seed + i);
            await Task.Yield();
            int sum = 0;
            for (int i = 0; i < 256; i++) sum += buffer[i];
            await Task.Delay(1);
            buffer[0] = 0;
            return sum;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    static async Task Main()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(ProcessAsync));
        Console.WriteLine($"tasks={results.Length}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: tasks=40
// CHECK-NOT: ERROR:
