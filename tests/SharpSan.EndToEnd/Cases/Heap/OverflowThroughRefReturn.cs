// A ref-returning accessor over native memory; the caller assigns through the returned ref past the end.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static ref short At(short* p, int i)
    {
        return ref p[i];
    }

    static void Main()
    {
        short* p = (short*)Marshal.AllocHGlobal(10);
        At(p, 4) = 4;
        At(p, 5) = 5;
        Console.WriteLine("unreachable");
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 2 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowThroughRefReturn.cs:[[@LINE-6]]
// CHECK-NEXT: is located 0 bytes to the right of 10-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}OverflowThroughRefReturn.cs:[[@LINE-8]] in Program.Main()
// CHECK-NOT: unreachable
