// A `*p++` scan with no count (it stops at a zero byte that is not there): no range check can be put in front of it,
// so every read keeps its check, and the read one past the 12-byte block is reported at the scan's line.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Length(byte* p)
    {
        int n = 0;
        while (*p++ != 0)
            n++;
        return n;
    }

    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(12);
        for (int i = 0; i < 12; i++) p[i] = (byte)('a' + i);
        Console.WriteLine($"first bad 0x{(nuint)(p + 12):x}");
        Console.WriteLine(Length(p));
        Console.WriteLine("not reached");
    }
}
// CHECK: first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: READ of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Length(byte*) {{.*}}BumpUnknownTripCountOverread.cs:[[@LINE-17]]
// CHECK: [[ADDR]] is located 0 bytes to the right of 12-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}BumpUnknownTripCountOverread.cs:[[@LINE-19]] in Program.Length(byte*)
// CHECK-NOT: not reached
// OPTIMIZE: true
