// Pools made by ArrayPool<T>.Create: small and over-limit requests, arrays rented from one pool returned to
// it, foreign arrays returned to a pool (passed on untouched), Rent(0).
using System;
using System.Buffers;

static class Program
{
    static void Main()
    {
        var small = ArrayPool<float>.Create(maxArrayLength: 64, maxArraysPerBucket: 2);
        float total = 0;
        for (int round = 0; round < 100; round++)
        {
            float[] a = small.Rent(50);
            for (int i = 0; i < 50; i++) a[i] = 0.5f;
            float[] big = small.Rent(1000);   // above the pool's limit: an exact, unpooled-size array
            big[999] = 1;
            total += a[49] + big[999];
            small.Return(a);
            small.Return(big);
        }
        var pool = ArrayPool<byte>.Create();
        pool.Return(new byte[16]);            // foreign but of a bucket size: accepted by the real pool
        byte[] empty = pool.Rent(0);
        Console.WriteLine($"total={total} empty={empty.Length}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total=150 empty=0
// CHECK-NOT: ERROR:
