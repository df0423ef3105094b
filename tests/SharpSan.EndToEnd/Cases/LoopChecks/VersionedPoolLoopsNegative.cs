// Correct loops over rented arrays that loop versioning splits into a checked original and an unchecked copy, in
// Debug code (the `clt; stloc; ldloc; brtrue` loop shape): sums over exactly the requested length, a two-array loop,
// a loop that throws IndexOutOfRangeException past the array's end (caught) and one that runs zero times. The sums
// are what the plain program computes, and nothing is reported.
using System;
using System.Buffers;

static class Program
{
    static long Sum(byte[] a, int n)
    {
        long s = 0;
        for (int i = 0; i < n; i++)
        {
            if (a[i] > 100) s -= a[i];
            else s += a[i];
        }
        return s;
    }

    static double Dot(double[] a, double[] b, int n)
    {
        double s = 0;
        for (int i = 0; i < n; i++) s += a[i] * b[i];
        return s;
    }

    static void Main()
    {
        var pool = ArrayPool<byte>.Shared;
        long total = 0;
        for (int round = 0; round < 300; round++)
        {
            int n = 8 + round * 5;
            byte[] buffer = pool.Rent(n);
            for (int i = 0; i < n; i++) buffer[i] = (byte)(i % 3);
            total += Sum(buffer, n) + Sum(buffer, 0);
            pool.Return(buffer);
        }
        Console.WriteLine($"total {total}");
        double[] x = ArrayPool<double>.Shared.Rent(100), y = ArrayPool<double>.Shared.Rent(100);
        for (int i = 0; i < 100; i++) { x[i] = i; y[i] = 2; }
        Console.WriteLine($"dot {Dot(x, y, 100)}");
        ArrayPool<double>.Shared.Return(x);
        ArrayPool<double>.Shared.Return(y);
        try { Console.WriteLine(Sum(new byte[8], 9)); }
        catch (IndexOutOfRangeException) { Console.WriteLine("index out of range"); }
    }
}
// CHECK-NOT: ERROR:
// CHECK: total 226450
// CHECK-NEXT: dot 9900
// CHECK-NEXT: index out of range
// CHECK-NOT: ERROR:
