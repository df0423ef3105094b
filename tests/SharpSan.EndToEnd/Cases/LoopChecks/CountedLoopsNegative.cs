// Counted loops that stay exactly inside their buffers, in every shape the merged range check covers — int and
// native indexes, strides, two pointers in one loop, nested loops, a loop that never runs over a null pointer, a
// stackalloc buffer and a fixed array — give their arithmetic's results and no report.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static long Dot(int* a, int* b, int n)
    {
        long s = 0;
        for (int i = 0; i < n; i++) s += (long)a[i] * b[i];
        return s;
    }

    static void Scale(double* p, nuint n, double f)
    {
        for (nuint i = 0; i < n; i++) p[i] *= f;
    }

    static long Strided(byte* p, nuint n)
    {
        long s = 0;
        for (nuint i = 0; i < n; i += 3) s += p[i];
        return s;
    }

    static double MatMul(double* a, double* b, double* c, nuint n)
    {
        for (nuint i = 0; i < n; i++)
        {
            double* ci = c + i * n;
            for (nuint k = 0; k < n; k++)
            {
                double aik = a[i * n + k];
                double* bk = b + k * n;
                for (nuint j = 0; j < n; j++) ci[j] += aik * bk[j];
            }
        }
        double t = 0;
        for (nuint i = 0; i < n * n; i++) t += c[i];
        return t;
    }

    static int Never(int* p, int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s += p[i];
        return s;
    }

    static int OnStack(int n)
    {
        int* p = stackalloc int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        int s = 0;
        for (int i = 0; i < n; i++) s += p[i];
        return s;
    }

    static int Fixed(int[] array)
    {
        int s = 0;
        fixed (int* p = array)
        {
            for (int i = 0; i < array.Length; i++) s += p[i];
        }
        return s;
    }

    static void Main()
    {
        int* a = (int*)NativeMemory.Alloc(100 * sizeof(int));
        int* b = (int*)NativeMemory.Alloc(100 * sizeof(int));
        for (int i = 0; i < 100; i++) { a[i] = i; b[i] = 2; }
        Console.WriteLine($"dot {Dot(a, b, 100)}");
        double* d = (double*)NativeMemory.Alloc(33 * sizeof(double));
        for (int i = 0; i < 33; i++) d[i] = 1;
        Scale(d, 33, 3);
        Console.WriteLine($"scaled {d[0] + d[32]}");
        byte* bytes = (byte*)NativeMemory.Alloc(31);
        for (int i = 0; i < 31; i++) bytes[i] = 1;
        Console.WriteLine($"strided {Strided(bytes, 31)}");
        nuint n = 7;
        double* x = (double*)NativeMemory.Alloc(n * n * sizeof(double));
        double* y = (double*)NativeMemory.Alloc(n * n * sizeof(double));
        double* z = (double*)NativeMemory.AllocZeroed(n * n * sizeof(double));
        for (nuint i = 0; i < n * n; i++) { x[i] = 1; y[i] = 2; }
        Console.WriteLine($"matmul {MatMul(x, y, z, n)}");
        Console.WriteLine($"never {Never(null, 0)}");
        Console.WriteLine($"stack {OnStack(40)}");
        Console.WriteLine($"fixed {Fixed([1, 2, 3, 4, 5])}");
        foreach (var block in new void*[] { a, b, d, bytes, x, y, z }) NativeMemory.Free(block);
    }
}
// CHECK-NOT: ERROR:
// CHECK: dot 9900
// CHECK-NEXT: scaled 6
// CHECK-NEXT: strided 11
// CHECK-NEXT: matmul 686
// CHECK-NEXT: never 0
// CHECK-NEXT: stack 780
// CHECK-NEXT: fixed 15
// CHECK-NOT: ERROR:
// OPTIMIZE: true
