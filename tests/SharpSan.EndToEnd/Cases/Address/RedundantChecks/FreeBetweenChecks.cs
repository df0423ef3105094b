// The same four bytes are read twice, but a call into checked code that frees the block may run between the reads:
// the first read's check does not cover the second, which is reported as a heap-use-after-free at its own line.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Release(int* p) => NativeMemory.Free(p);

    static int Twice(int* p, bool release)
    {
        int first = p[1];
        if (release) Release(p);
        int second = p[1];
        return first + second;
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.AllocZeroed(4 * sizeof(int));
        p[1] = 20;
        Console.WriteLine($"live {Twice(p, false)} at 0x{(nuint)(p + 1):x}");
        Console.WriteLine(Twice(p, true));
        Console.WriteLine("not reached");
    }
}
// CHECK: live 40 at [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address [[ADDR]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Twice(int*, bool) {{.*}}FreeBetweenChecks.cs:[[@LINE-16]]
// CHECK: [[ADDR]] is located 4 bytes inside of 16-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}FreeBetweenChecks.cs:[[@LINE-18]] in Program.Twice(int*, bool)
// CHECK-NOT: not reached
// OPTIMIZE: true
