// A byte written 9 bytes before the block (p[-9]), e.g. a bad "header" computation.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)Marshal.AllocHGlobal(64);
        int headerOffset = -9;
        p[headerOffset] = 1;
        Marshal.FreeHGlobal((IntPtr)p);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ByteUnderflowFar.cs:[[@LINE-6]]
// CHECK-NEXT: is located 9 bytes to the left of 64-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}ByteUnderflowFar.cs:[[@LINE-8]] in Program.Main()
