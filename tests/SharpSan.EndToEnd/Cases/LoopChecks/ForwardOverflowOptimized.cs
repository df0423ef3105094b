// A counted loop `for (i = 0; i < n; i++) s += p[i]` gets one merged range check at its entry. Here the range runs
// past the 64-byte block, so the per-access checks stay on and report the first bad iteration exactly: p[16], a
// 4-byte read 0 bytes to the right of the block, at the loop's line.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Sum(int* p, int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++)
            s += p[i];
        return s;
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16 * sizeof(int));
        for (int i = 0; i < 16; i++) p[i] = i;
        Console.WriteLine($"sum {Sum(p, 16)}");
        Console.WriteLine($"first bad 0x{(nuint)(p + 16):x}");
        Console.WriteLine($"sum {Sum(p, 20)}");
        Console.WriteLine("not reached");
    }
}
// CHECK: sum 120
// CHECK-NEXT: first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Sum(int*, int) {{.*}}ForwardOverflowOptimized.cs:[[@LINE-18]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ForwardOverflowOptimized.cs:[[@LINE-9]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of 64-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}ForwardOverflowOptimized.cs:[[@LINE-21]] in Program.Sum(int*, int)
// CHECK-NOT: not reached
// OPTIMIZE: true
