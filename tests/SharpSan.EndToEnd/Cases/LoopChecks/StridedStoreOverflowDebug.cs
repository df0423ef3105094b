// A Debug-compiled counted loop over a native-sized index with a stride of two (`i += 2`, `clt; stloc; ldloc; brtrue`
// shape): its merged range check covers [p, p + 8*(n-1) + 8), which passes for n = 10 and fails for n = 15; the failing
// loop keeps its per-access checks and reports the first bad store, p[10], 0 bytes to the right of the 80-byte block.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Fill(double* p, nuint n)
    {
        for (nuint i = 0; i < n; i += 2)
            p[i] = i;
    }

    static void Main()
    {
        double* p = (double*)NativeMemory.Alloc(10 * sizeof(double));
        Fill(p, 10);
        Console.WriteLine($"filled {p[8]}");
        Console.WriteLine($"first bad 0x{(nuint)(p + 10):x}");
        Fill(p, 15);
        Console.WriteLine("not reached");
    }
}
// CHECK: filled 8
// CHECK-NEXT: first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: WRITE of size 8 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Fill(double*, nuint) {{.*}}StridedStoreOverflowDebug.cs:[[@LINE-17]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StridedStoreOverflowDebug.cs:[[@LINE-9]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of 80-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}StridedStoreOverflowDebug.cs:[[@LINE-20]] in Program.Fill(double*, nuint)
// CHECK-NOT: not reached
