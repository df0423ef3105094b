// A scan whose trip count is not known at entry (it stops at a zero byte that is not there): it runs off the end of
// the 12-byte block, and the read of p[12] is reported at the scanning line.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Length(byte* p)
    {
        int i = 0;
        while (p[i] != 0)
            i++;
        return i;
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
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Length(byte*) {{.*}}UnknownTripCountOverflow.cs:[[@LINE-17]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnknownTripCountOverflow.cs:[[@LINE-8]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of 12-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}UnknownTripCountOverflow.cs:[[@LINE-20]] in Program.Length(byte*)
// CHECK-NOT: not reached
// OPTIMIZE: true
