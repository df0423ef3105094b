// MemoryPool<T>.Shared used correctly: rent (default and explicit sizes), use the whole Memory (the contract
// allows it), dispose (twice is allowed and harmless), across threads.
using System;
using System.Buffers;
using System.Threading.Tasks;

static class Program
{
    static void Main()
    {
        long total = 0;
        Parallel.For(0, 4, worker =>
        {
            long local = 0;
            for (int round = 0; round < 200; round++)
            {
                using IMemoryOwner<int> owner = MemoryPool<int>.Shared.Rent(1 + round % 50);
                Span<int> span = owner.Memory.Span;
                for (int i = 0; i < span.Length; i++) span[i] = 1;
                for (int i = 0; i < span.Length; i++) local += span[i] > 0 ? 1 : 0;
                owner.Dispose();
            }
            IMemoryOwner<byte> big = MemoryPool<byte>.Shared.Rent();
            big.Memory.Span[big.Memory.Length - 1] = 1;
            big.Dispose();
            System.Threading.Interlocked.Add(ref total, local > 0 ? 1 : 0);
        });
        Console.WriteLine($"workers={total}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: workers=4
// CHECK-NOT: ERROR:
