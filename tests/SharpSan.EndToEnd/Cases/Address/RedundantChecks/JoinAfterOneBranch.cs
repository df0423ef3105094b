// A read checked on one branch only does not cover the same read after the join: on the path that skipped the
// branch, p[4] (one past the 16-byte block) is reported at the join's line.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Pick(int* p, bool early)
    {
        int s = 0;
        if (early) s = p[4];
        s += p[4];
        return s;
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.AllocZeroed(4 * sizeof(int));
        Console.WriteLine($"first bad 0x{(nuint)(p + 4):x}");
        Console.WriteLine(Pick(p, false));
        Console.WriteLine("not reached");
    }
}
// CHECK: first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Pick(int*, bool) {{.*}}JoinAfterOneBranch.cs:[[@LINE-15]]
// CHECK: [[ADDR]] is located 0 bytes to the right of 16-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}JoinAfterOneBranch.cs:[[@LINE-17]] in Program.Pick(int*, bool)
// CHECK-NOT: not reached
// OPTIMIZE: true
