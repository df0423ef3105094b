// A pointer bumped by 4 bytes (`int*`) in a loop counting down (`for (i = n - 1; i >= 0; i--)`), two stores per
// iteration through one pointer (the second 4 bytes past the first, the pointer moving 8 per iteration): the bad call
// overruns the 132-byte block on its 17th iteration's second store, which is what the checked original reports.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Pairs(int* p, int n)
    {
        for (int i = n - 1; i >= 0; i--)
        {
            *p++ = i;
            *p++ = -i;
        }
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(33 * sizeof(int));
        for (int round = 0; round < 50; round++) Pairs(p, 16);
        Console.WriteLine($"pairs {p[0]} {p[1]} {p[30]} {p[31]}");
        Console.WriteLine($"first bad 0x{(nuint)(p + 33):x}");
        Pairs(p, 17);
        Console.WriteLine("not reached");
    }
}
// CHECK: pairs 15 -15 0 0
// CHECK-NEXT: first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: WRITE of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Pairs(int*, int) {{.*}}BumpDownCountOverflow.cs:[[@LINE-18]]
// CHECK: [[ADDR]] is located 0 bytes to the right of 132-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}BumpDownCountOverflow.cs:[[@LINE-20]] in Program.Pairs(int*, int)
// CHECK-NOT: not reached
// OPTIMIZE: true
