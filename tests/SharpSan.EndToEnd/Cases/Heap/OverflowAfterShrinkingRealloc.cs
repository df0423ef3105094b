// ReAllocCoTaskMem shrinks a block to 12 bytes; the old size is no longer valid for the new pointer.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        IntPtr p = Marshal.AllocCoTaskMem(32);
        p = Marshal.ReAllocCoTaskMem(p, 12);
        int* ints = (int*)p;
        for (int i = 0; i < 8; i++) ints[i] = i;
        Marshal.FreeCoTaskMem(p);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowAfterShrinkingRealloc.cs:[[@LINE-6]]
// CHECK-NEXT: is located 0 bytes to the right of 12-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.ReAllocCoTaskMem(nint, int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowAfterShrinkingRealloc.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}OverflowAfterShrinkingRealloc.cs:[[@LINE-11]] in Program.Main()
