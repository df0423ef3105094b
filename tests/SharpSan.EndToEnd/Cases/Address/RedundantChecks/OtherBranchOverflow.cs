// The same read in both arms of an if: the then-arm's check (earlier in the code) does not cover the else-arm, which
// no path through the then-arm reaches. The else-arm's read of p[4] is reported at its own line.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Either(int* p, bool first)
    {
        int s;
        if (first)
            s = p[4] + 1;
        else
            s = p[4] - 1;
        return s;
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.AllocZeroed(4 * sizeof(int));
        Console.WriteLine($"first bad 0x{(nuint)(p + 4):x}");
        Console.WriteLine(Either(p, false));
        Console.WriteLine("not reached");
    }
}
// CHECK: first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Either(int*, bool) {{.*}}OtherBranchOverflow.cs:[[@LINE-15]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}OtherBranchOverflow.cs:[[@LINE-16]] in Program.Either(int*, bool)
// CHECK-NOT: not reached
// OPTIMIZE: true
