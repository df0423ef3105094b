// A long read that starts 8 bytes past the end of an AllocCoTaskMem block.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        long* p = (long*)Marshal.AllocCoTaskMem(24);
        p[0] = 1; p[1] = 2; p[2] = 3;
        long x = p[3];
        Console.WriteLine(x);
        Marshal.FreeCoTaskMem((IntPtr)p);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LongReadOverflowCoTaskMem.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 24-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.AllocCoTaskMem(int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LongReadOverflowCoTaskMem.cs:[[@LINE-13]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}LongReadOverflowCoTaskMem.cs:[[@LINE-12]] in Program.Main()
