// A `*p++` loop that frees its buffer half-way: the call keeps every access checked (a call may free), so the read of
// the next iteration is a heap-use-after-free at the loop's line, 24 bytes inside the freed block.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Drain(int* p, int n)
    {
        int* start = p;
        int s = 0;
        for (int i = 0; i < n; i++)
        {
            s += *p++;
            if (i == 5) NativeMemory.Free(start);
        }
        return s;
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16 * sizeof(int));
        for (int i = 0; i < 16; i++) p[i] = i;
        Console.WriteLine($"sixth 0x{(nuint)(p + 6):x}");
        Console.WriteLine(Drain(p, 16));
        Console.WriteLine("not reached");
    }
}
// CHECK: sixth [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address [[ADDR]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Drain(int*, int) {{.*}}BumpFreeInsideLoop.cs:[[@LINE-18]]
// CHECK: [[ADDR]] is located 24 bytes inside of 64-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}BumpFreeInsideLoop.cs:[[@LINE-20]] in Program.Drain(int*, int)
// CHECK-NOT: not reached
// OPTIMIZE: true
