// Counted loops over rented and ordinary arrays that stay inside what they may touch: exactly the requested length,
// a bound past it left early at a sentinel, a bound past the array's end that throws IndexOutOfRangeException (the
// merged check only covers elements the loop can reach), and an empty loop over a null array. No report.
using System;
using System.Buffers;

static class Program
{
    static long Sum(byte[] a, int n)
    {
        long s = 0;
        for (int i = 0; i < n; i++) s += a[i];
        return s;
    }

    static int UntilZero(int[] a, int bound)
    {
        int s = 0;
        for (int i = 0; i < bound; i++)
        {
            if (a[i] == 0) break;
            s += a[i];
        }
        return s;
    }

    static void Main()
    {
        var pool = ArrayPool<byte>.Shared;
        long total = 0;
        for (int round = 0; round < 200; round++)
        {
            int n = 16 + round * 7;
            byte[] buffer = pool.Rent(n);
            for (int i = 0; i < n; i++) buffer[i] = 1;
            total += Sum(buffer, n);
            pool.Return(buffer);
        }
        Console.WriteLine($"total {total}");
        int[] ints = ArrayPool<int>.Shared.Rent(10);
        for (int i = 0; i < 10; i++) ints[i] = i < 6 ? 1 : 0;
        Console.WriteLine($"until zero {UntilZero(ints, 1000)}");
        ArrayPool<int>.Shared.Return(ints);
        try { Console.WriteLine(Sum(new byte[8], 9)); }
        catch (IndexOutOfRangeException) { Console.WriteLine("index out of range"); }
        Console.WriteLine($"empty {Sum(null!, 0)}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total 142500
// CHECK-NEXT: until zero 6
// CHECK-NEXT: index out of range
// CHECK-NEXT: empty 0
// CHECK-NOT: ERROR:
// OPTIMIZE: true
