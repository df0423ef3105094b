// A block grown with Marshal.ReAllocHGlobal stays in the HGlobal family: NativeMemory.Free is a mismatch.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        IntPtr p = Marshal.AllocHGlobal(4);
        p = Marshal.ReAllocHGlobal(p, 64);
        NativeMemory.Free((void*)p);
    }
}
// CHECK: ERROR: AddressSanitizer: alloc-dealloc-mismatch (Marshal.AllocHGlobal vs NativeMemory.Free) on
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MismatchReallocFamily.cs:[[@LINE-5]]
// CHECK: is located 0 bytes inside of 64-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.ReAllocHGlobal(nint, nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MismatchReallocFamily.cs:[[@LINE-10]]
// CHECK: SUMMARY: AddressSanitizer: alloc-dealloc-mismatch {{.*}}MismatchReallocFamily.cs:[[@LINE-10]] in Program.Main()
