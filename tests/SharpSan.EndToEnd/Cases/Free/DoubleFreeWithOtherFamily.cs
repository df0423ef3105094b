// Freed with FreeHGlobal, then again with NativeMemory.Free: the second free is a double free first of all.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        IntPtr h = Marshal.AllocHGlobal(24);
        Marshal.FreeHGlobal(h);
        NativeMemory.Free((void*)h);
    }
}
// CHECK: ERROR: AddressSanitizer: attempting double-free on {{0x[0-9a-f]+}} in thread T0:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}DoubleFreeWithOtherFamily.cs:[[@LINE-5]]
// CHECK: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.FreeHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}DoubleFreeWithOtherFamily.cs:[[@LINE-9]]
// CHECK: SUMMARY: AddressSanitizer: double-free {{.*}}DoubleFreeWithOtherFamily.cs:[[@LINE-9]] in Program.Main()
// CHECK-NOT: alloc-dealloc-mismatch
