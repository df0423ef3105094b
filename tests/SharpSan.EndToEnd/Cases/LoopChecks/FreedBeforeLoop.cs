// The buffer is freed before the loop starts: the loop's merged range check fails at its entry, the per-access
// checks stay on, and the very first iteration's read, p[0], is reported as a heap-use-after-free.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static long Sum(long* p, int n)
    {
        long s = 0;
        for (int i = 0; i < n; i++)
            s += p[i];
        return s;
    }

    static void Main()
    {
        long* p = (long*)NativeMemory.AllocZeroed(8 * sizeof(long));
        Console.WriteLine($"live {Sum(p, 8)} at 0x{(nuint)p:x}");
        NativeMemory.Free(p);
        Console.WriteLine(Sum(p, 8));
        Console.WriteLine("not reached");
    }
}
// CHECK: live 0 at [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address [[ADDR]]
// CHECK-NEXT: READ of size 8 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Sum(long*, int) {{.*}}FreedBeforeLoop.cs:[[@LINE-16]]
// CHECK: [[ADDR]] is located 0 bytes inside of 64-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}FreedBeforeLoop.cs:[[@LINE-18]] in Program.Sum(long*, int)
// CHECK-NOT: not reached
// OPTIMIZE: true
