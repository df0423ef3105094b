// pool_quarantine_size_mb=0 turns the pool quarantine off: a returned array is handed out again by the next Rent
// of its size (as the BCL pool does), still poisoned until then. Correct code sees the same array come back and
// uses it without a report.
using System;
using System.Buffers;

static class Program
{
    static void Main()
    {
        var pool = ArrayPool<byte>.Shared;
        byte[] first = pool.Rent(100);
        first[99] = 1;
        pool.Return(first);
        byte[] second = pool.Rent(100);
        second[0] = 2;
        second[99] = 3;
        Console.WriteLine($"same array again: {ReferenceEquals(first, second)} {second[0] + second[99]}");
        pool.Return(second);
    }
}
// ENV: SHARPSAN_OPTIONS=pool_quarantine_size_mb=0
// CHECK-NOT: ERROR:
// CHECK: same array again: True 5
// CHECK-NOT: ERROR:
