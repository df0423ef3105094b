// ArrayPool under address,memory, used correctly: only the written part of each rented array is read, within the
// requested length, and never after Return. Rented and returned many times (stale contents from earlier renters).
using System;
using System.Buffers;

class Program
{
    static int Sum(int[] values, int count)
    {
        int sum = 0;
        for (int i = 0; i < count; i++)
            if (values[i] > 0) sum += values[i];
        return sum;
    }

    static void Main()
    {
        long total = 0;
        var pool = ArrayPool<int>.Create();
        for (int round = 0; round < 200; round++)
        {
            int n = 8 + round % 24;
            int[] shared = ArrayPool<int>.Shared.Rent(n);
            int[] own = pool.Rent(n);
            for (int i = 0; i < n / 2; i++) { shared[i] = i + 1; own[i] = round; }
            total += Sum(shared, n / 2) + Sum(own, n / 2);
            pool.Return(own);
            ArrayPool<int>.Shared.Return(shared);
        }
        byte[] bytes = GC.AllocateUninitializedArray<byte>(32);
        bytes.AsSpan().Fill(1);
        if (bytes[31] == 1) total++;
        Console.WriteLine($"total {total}");
    }
}

// SANITIZE: address,memory
// CHECK-NOT: ERROR:
// CHECK-NOT: WARNING:
// CHECK: total
// CHECK-NOT: WARNING:
// CHECK-NOT: ERROR:
