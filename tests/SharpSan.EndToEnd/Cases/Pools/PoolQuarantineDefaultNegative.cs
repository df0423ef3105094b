// With the default pool quarantine a returned array is not handed out by the next Rent of its size: the stale
// reference keeps pointing at poisoned memory. Correct code gets a different array and no report.
using System;
using System.Buffers;

static class Program
{
    static void Main()
    {
        var pool = ArrayPool<byte>.Shared;
        byte[] first = pool.Rent(100);
        pool.Return(first);
        byte[] second = pool.Rent(100);
        second[99] = 3;
        Console.WriteLine($"same array again: {ReferenceEquals(first, second)} {second[99]}");
        pool.Return(second);
    }
}
// CHECK-NOT: ERROR:
// CHECK: same array again: False 3
// CHECK-NOT: ERROR:
