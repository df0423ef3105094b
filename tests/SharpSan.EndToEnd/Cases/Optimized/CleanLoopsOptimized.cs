// OPTIMIZE: true
// Optimized, correct pointer loops (the JIT may hoist or unroll them): no report.
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

    static void Main()
    {
        const int n = 1001;
        int* a = (int*)NativeMemory.Alloc(n * sizeof(int));
        int* b = (int*)Marshal.AllocHGlobal(n * sizeof(int));
        for (int i = 0; i < n; i++) { a[i] = 1; b[i] = 2; }
        long total = 0;
        for (int round = 0; round < 100; round++) total += Dot(a, b, n);
        NativeMemory.Free(a);
        Marshal.FreeHGlobal((IntPtr)b);
        Console.WriteLine($"total={total}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total=200200
// CHECK-NOT: ERROR:
