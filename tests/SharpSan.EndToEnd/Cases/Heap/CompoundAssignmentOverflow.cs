// `p[i] += x` loads and stores one address; the rewriter checks it once (at the load), so the first
// compound assignment past the end is reported as a READ of the element size.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Bump(long* counters, int n)
    {
        for (int i = 0; i <= n; i++)
            counters[i] += 1;
    }

    static void Main()
    {
        long* counters = (long*)NativeMemory.AllocZeroed(4 * sizeof(long));
        Console.WriteLine("before");
        Bump(counters, 4);
        Console.WriteLine("not reached");
    }
}
// CHECK: before
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 8 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Bump(long*, int) {{.*}}CompoundAssignmentOverflow.cs:[[@LINE-14]]
// CHECK: [[ADDR]] is located 0 bytes to the right of 32-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}CompoundAssignmentOverflow.cs:[[@LINE-16]] in Program.Bump(long*, int)
// CHECK-NOT: not reached
