// Row-major native matrices multiplied with computed indices (i * n + k), the last row and column included.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Multiply(double* a, double* b, double* c, int n)
    {
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < n; k++) s += a[i * n + k] * b[k * n + j];
                c[i * n + j] = s;
            }
    }

    static void Main()
    {
        const int n = 33;
        nuint bytes = (nuint)(n * n * sizeof(double));
        double* a = (double*)NativeMemory.Alloc(bytes);
        double* b = (double*)Marshal.AllocHGlobal((nint)bytes);
        double* c = (double*)NativeMemory.AllocZeroed(bytes);
        for (int i = 0; i < n * n; i++) { a[i] = 1; b[i] = 2; }
        Multiply(a, b, c, n);
        Console.WriteLine($"c[last]={c[n * n - 1]}");
        NativeMemory.Free(a);
        Marshal.FreeHGlobal((IntPtr)b);
        NativeMemory.Free(c);
    }
}
// CHECK-NOT: ERROR:
// CHECK: c[last]=66
// CHECK-NOT: ERROR:
