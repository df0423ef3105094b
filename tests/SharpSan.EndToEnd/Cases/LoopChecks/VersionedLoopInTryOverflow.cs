// A versioned loop inside a try block with a finally (the copy lives in the same protected region): the range check
// fails when the loop starts at -1, and the checked original reports its first iteration, p[-1], a 4-byte read 4
// bytes left of the block, at the loop's line.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int total;

    static int SumBack(int* p, int from)
    {
        int s = 0;
        try
        {
            for (nint i = 0; i < from; i++)
                s += *(p + (from - 1) - i);
        }
        finally { total++; }
        return s;
    }

    static int SumForward(int* p, int lo, int n)
    {
        int s = 0;
        try
        {
            for (int i = lo; i < n; i++)
                s += p[i];
        }
        finally { total++; }
        return s;
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16 * sizeof(int));
        for (int i = 0; i < 16; i++) p[i] = i;
        Console.WriteLine($"sum {SumBack(p, 16)} {SumForward(p, 0, 16)}");
        Console.WriteLine($"first bad 0x{(nuint)(p - 1):x}");
        Console.WriteLine($"sum {SumForward(p, -1, 16)}");
        Console.WriteLine("not reached");
    }
}
// CHECK: sum 120 120
// CHECK-NEXT: first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.SumForward(int*, int, int) {{.*}}VersionedLoopInTryOverflow.cs:[[@LINE-20]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}VersionedLoopInTryOverflow.cs:[[@LINE-9]]
// CHECK-NEXT: [[ADDR]] is located 4 bytes to the left of 64-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}VersionedLoopInTryOverflow.cs:[[@LINE-23]] in Program.SumForward(int*, int, int)
// CHECK-NOT: not reached
// OPTIMIZE: true
