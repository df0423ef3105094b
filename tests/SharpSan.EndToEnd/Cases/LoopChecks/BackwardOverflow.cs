// A loop counting down from n-1 to 0: the first iteration already reads one element past the 16-int block, and that
// read, p[16], is the one reported (the backward loop's range check [0, 17) fails, so its checked original runs).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int SumBackwards(int* p, int n)
    {
        int s = 0;
        for (int i = n - 1; i >= 0; i--)
            s += p[i];
        return s;
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16 * sizeof(int));
        for (int i = 0; i < 16; i++) p[i] = i;
        Console.WriteLine($"sum {SumBackwards(p, 16)} first bad 0x{(nuint)(p + 16):x}");
        Console.WriteLine(SumBackwards(p, 17));
        Console.WriteLine("not reached");
    }
}
// CHECK: sum 120 first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.SumBackwards(int*, int) {{.*}}BackwardOverflow.cs:[[@LINE-16]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BackwardOverflow.cs:[[@LINE-8]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of 64-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}BackwardOverflow.cs:[[@LINE-19]] in Program.SumBackwards(int*, int)
// CHECK-NOT: not reached
// OPTIMIZE: true
