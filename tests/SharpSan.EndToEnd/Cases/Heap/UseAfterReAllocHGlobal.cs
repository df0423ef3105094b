// A write through the old handle after Marshal.ReAllocHGlobal grew the block.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        IntPtr h = Marshal.AllocHGlobal(8);
        IntPtr grown = Marshal.ReAllocHGlobal(h, 64);
        *(int*)h = 5;
        Marshal.FreeHGlobal(grown);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address
// CHECK-NEXT: WRITE of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterReAllocHGlobal.cs:[[@LINE-6]]
// CHECK-NEXT: is located 0 bytes inside of 8-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.ReAllocHGlobal(nint, nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterReAllocHGlobal.cs:[[@LINE-11]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.AllocHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterReAllocHGlobal.cs:[[@LINE-15]]
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}UseAfterReAllocHGlobal.cs:[[@LINE-14]] in Program.Main()
