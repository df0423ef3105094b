// Backward loops are versioned too: `for (i = hi; i >= lo; i--)` reaches [lo, hi] and `i > lo` reaches (lo, hi]. The
// good calls run the unchecked copies; the bad one reaches p[-1] only on its last iteration, after 16 good reads, and
// the checked original reports exactly that read: 4 bytes left of the block, at the loop's line.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int SumDown(int* p, int hi, int lo)
    {
        int s = 0;
        for (int i = hi; i >= lo; i--)
            s += p[i];
        return s;
    }

    static int SumDownExclusive(short* p, int hi, int lo)
    {
        int s = 0;
        for (int i = hi; i > lo; i--)
            s += p[i];
        return s;
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16 * sizeof(int));
        short* q = (short*)NativeMemory.Alloc(8 * sizeof(short));
        for (int i = 0; i < 16; i++) p[i] = i;
        for (int i = 0; i < 8; i++) q[i] = 2;
        Console.WriteLine($"sums {SumDown(p, 15, 0)} {SumDownExclusive(q, 7, -1)} {SumDown(p, -1, 0)}");
        Console.WriteLine($"first bad 0x{(nuint)(p - 1):x}");
        Console.WriteLine($"sum {SumDown(p, 15, -1)}");
        Console.WriteLine("not reached");
    }
}
// CHECK: sums 120 16 0
// CHECK-NEXT: first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.SumDown(int*, int, int) {{.*}}VersionedBackwardOverflow.cs:[[@LINE-28]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}VersionedBackwardOverflow.cs:[[@LINE-9]]
// CHECK-NEXT: [[ADDR]] is located 4 bytes to the left of 64-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}VersionedBackwardOverflow.cs:[[@LINE-31]] in Program.SumDown(int*, int, int)
// CHECK-NOT: not reached
// OPTIMIZE: true
