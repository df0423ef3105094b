// A read past the requested length through T[] in generic code, with T a struct: reported at the load.
using System;
using System.Buffers;

static class Sums
{
    public static long Sum<T>(T[] items, int count, Func<T, long> value)
    {
        long sum = 0;
        for (int i = 0; i <= count; i++) sum += value(items[i]);
        return sum;
    }
}

static class Program
{
    static void Main()
    {
        var items = ArrayPool<DateTime>.Shared.Rent(3);
        for (int i = 0; i < 3; i++) items[i] = DateTime.UnixEpoch;
        Console.WriteLine(Sums.Sum(items, 3, d => d.Ticks));
    }
}
// CHECK: ERROR: AddressSanitizer: pool-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 8 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Sums.Sum<T>(T[], int, System.Func<T, long>) {{.*}}PoolGenericParameterReadOverflow.cs:[[@LINE-16]]
// CHECK: [[ADDR]] is located 0 bytes after the requested 24 bytes of 128-byte pooled array {{.*}} (System.DateTime[16], 3 requested)
// CHECK: SUMMARY: AddressSanitizer: pool-buffer-overflow {{.*}}PoolGenericParameterReadOverflow.cs:[[@LINE-18]] in Sums.Sum
