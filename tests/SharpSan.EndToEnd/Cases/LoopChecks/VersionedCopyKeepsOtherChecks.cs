// An eliminated check must not hide another bug: the loop's p[i] is covered by its range check, which passes, so the
// unchecked copy runs — but q[k] is not an access the range check covers (its address does not step with i), so the
// copy still checks it and reports q[8], one int past its 32-byte block, on the first iteration at the loop's line.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static long Scale(int* p, int* q, int k, int n)
    {
        long s = 0;
        for (int i = 0; i < n; i++)
            s += p[i] * q[k];
        return s;
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16 * sizeof(int));
        int* q = (int*)NativeMemory.Alloc(8 * sizeof(int));
        for (int i = 0; i < 16; i++) p[i] = i;
        for (int i = 0; i < 8; i++) q[i] = 2;
        Console.WriteLine($"scaled {Scale(p, q, 7, 16)}");
        Console.WriteLine($"first bad 0x{(nuint)(q + 8):x}");
        Console.WriteLine($"scaled {Scale(p, q, 8, 16)}");
        Console.WriteLine("not reached");
    }
}
// CHECK: scaled 240
// CHECK-NEXT: first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Scale(int*, int*, int, int) {{.*}}VersionedCopyKeepsOtherChecks.cs:[[@LINE-20]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}VersionedCopyKeepsOtherChecks.cs:[[@LINE-9]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of 32-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}VersionedCopyKeepsOtherChecks.cs:[[@LINE-23]] in Program.Scale(int*, int*, int, int)
// CHECK-NOT: not reached
// OPTIMIZE: true
