// await foreach (plain, and with WithCancellation + ConfigureAwait(false)) over an async iterator whose items are
// produced on pool threads (after Task.Yield): each item, and what the iterator wrote before yielding it, is visible
// to the consuming loop body. No report.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

class Item { public int payload; }

static class Program
{
    static async IAsyncEnumerable<Item> ProduceAsync(int count)
    {
        for (int i = 1; i <= count; i++)
        {
            await Task.Yield();
            var item = new Item();
            item.payload = i;
            yield return item;
        }
    }

    static async Task<int> ConsumeAsync()
    {
        int sum = 0;
        await foreach (var item in ProduceAsync(5))
        {
            sum += item.payload;
            item.payload = 0;
        }
        await foreach (var item in ProduceAsync(3).WithCancellation(CancellationToken.None).ConfigureAwait(false))
            sum += item.payload * 100;
        return sum;
    }

    static void Main()
    {
        Console.WriteLine("sum " + ConsumeAsync().Result);
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: sum 615
// CHECK-NOT: ThreadSanitizer
