using System;
using System.Runtime.InteropServices;

// Clean counted loops (their ranges all defined on entry) that read, compute and store defined values, a loop that
// defines a buffer nobody had written, and a loop that overwrites a local which held an undefined value: no report.
unsafe class Program
{
    static void Main()
    {
        const int n = 64;
        double* a = (double*)NativeMemory.Alloc(n * sizeof(double));
        double* b = (double*)NativeMemory.Alloc(n * sizeof(double));
        for (nuint i = 0; i < n; i++) a[i] = i * 0.5;
        for (nuint i = 0; i < n; i++) b[i] = 0.0;
        double scale = a[3];
        for (nuint j = 0; j < n; j++) b[j] += scale * a[j];
        double s = 0;
        for (nuint i = 0; i < n; i++) s += b[i];
        if (s > 1000) Console.WriteLine($"s {s}");

        int* q = (int*)NativeMemory.Alloc(n * sizeof(int));
        int last = q[0];            // undefined, never used as such
        for (int i = 0; i < n; i++) last = a[i] > 10 ? i : last;
        if (last == n - 1) Console.WriteLine($"last {last}");
        NativeMemory.Free(q);
        NativeMemory.Free(b);
        NativeMemory.Free(a);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: s 1512
// CHECK: last 63
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
