// Marshal.AllocCoTaskMem'ed memory released with NativeMemory.AlignedFree, in a helper.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Dispose(void* p) => NativeMemory.AlignedFree(p);

    static void Main()
    {
        IntPtr p = Marshal.AllocCoTaskMem(16);
        Dispose((void*)p);
    }
}
// CHECK: ERROR: AddressSanitizer: alloc-dealloc-mismatch (Marshal.AllocCoTaskMem vs NativeMemory.AlignedFree) on
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.AlignedFree(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Dispose(void*) {{.*}}MismatchCoTaskMemVsAlignedFree.cs:[[@LINE-10]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MismatchCoTaskMemVsAlignedFree.cs:[[@LINE-6]]
// CHECK: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.AllocCoTaskMem(int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MismatchCoTaskMemVsAlignedFree.cs:[[@LINE-10]]
// CHECK: SUMMARY: AddressSanitizer: alloc-dealloc-mismatch {{.*}}MismatchCoTaskMemVsAlignedFree.cs:[[@LINE-15]] in Program.Dispose(void*)
