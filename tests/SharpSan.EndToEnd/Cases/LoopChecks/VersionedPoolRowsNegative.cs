// Correct loops over rows of matrices in rented arrays, versioned with the row's offset in the range check:
// matrix multiplication (c[i * n + j] += aik * b[k * n + j], an ldelema written through), a row summed backwards, an
// offset below zero brought back into the array by the loop's start, a search whose bound runs past the requested
// elements but that stops at a sentinel first, and a loop that throws IndexOutOfRangeException past the array's end
// (caught). The results are what the plain program computes, and nothing is reported.
using System;
using System.Buffers;

static class Program
{
    static double MatMul(double[] a, double[] b, double[] c, int n)
    {
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
            {
                double aik = a[i * n + k];
                for (int j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
            }
        double t = 0;
        for (int i = 0; i < n * n; i++) t += c[i];
        return t;
    }

    static long RowBackwards(int[] m, int row, int cols)
    {
        long s = 0;
        for (int j = cols - 1; j >= 0; j--) s = s * 3 + m[row * cols + j];
        return s;
    }

    static long Shifted(int[] m, int shift, int n)
    {
        long s = 0;
        for (int j = shift; j < n; j++) s += m[(0 - shift) + j] * (j + 1);
        return s;
    }

    static int FindInRow(byte[] m, int row, int cols, int bound, byte key)
    {
        for (int j = 0; j < bound; j++)
            if (m[row * cols + j] == key) return j;
        return -1;
    }

    static void Main()
    {
        int n = 6;
        double[] a = ArrayPool<double>.Shared.Rent(n * n), b = ArrayPool<double>.Shared.Rent(n * n), c = ArrayPool<double>.Shared.Rent(n * n);
        for (int i = 0; i < n * n; i++) { a[i] = i % 5; b[i] = 2; c[i] = 0; }
        Console.WriteLine($"matmul {MatMul(a, b, c, n)}");
        int[] m = ArrayPool<int>.Shared.Rent(12);
        for (int i = 0; i < 12; i++) m[i] = i % 3;
        Console.WriteLine($"backwards {RowBackwards(m, 0, 4)} {RowBackwards(m, 2, 4)}");
        Console.WriteLine($"shifted {Shifted(m, 5, 17)}");
        byte[] bytes = ArrayPool<byte>.Shared.Rent(20);
        for (int i = 0; i < 20; i++) bytes[i] = (byte)i;
        Console.WriteLine($"found {FindInRow(bytes, 1, 10, 1000, 17)}");
        try { Console.WriteLine(RowBackwards(new int[8], 1, 5)); }
        catch (IndexOutOfRangeException) { Console.WriteLine("index out of range"); }
        ArrayPool<double>.Shared.Return(a);
        ArrayPool<double>.Shared.Return(b);
        ArrayPool<double>.Shared.Return(c);
        ArrayPool<int>.Shared.Return(m);
        ArrayPool<byte>.Shared.Return(bytes);
    }
}
// CHECK-NOT: ERROR:
// CHECK: matmul 840
// CHECK-NEXT: backwards 21 65
// CHECK-NEXT: shifted 146
// CHECK-NEXT: found 7
// CHECK-NEXT: index out of range
// CHECK-NOT: ERROR:
// OPTIMIZE: true
