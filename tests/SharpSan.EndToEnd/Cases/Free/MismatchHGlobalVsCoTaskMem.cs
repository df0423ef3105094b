// A string from Marshal.StringToHGlobalAnsi released with Marshal.FreeCoTaskMem.
using System;
using System.Runtime.InteropServices;

static class Program
{
    static void Main()
    {
        IntPtr s = Marshal.StringToHGlobalAnsi("abc");
        Marshal.FreeCoTaskMem(s);
    }
}
// CHECK: ERROR: AddressSanitizer: alloc-dealloc-mismatch (Marshal.AllocHGlobal vs Marshal.FreeCoTaskMem) on
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.FreeCoTaskMem(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MismatchHGlobalVsCoTaskMem.cs:[[@LINE-5]]
// CHECK: is located 0 bytes inside of 4-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.StringToHGlobalAnsi(string)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MismatchHGlobalVsCoTaskMem.cs:[[@LINE-10]]
// CHECK: SUMMARY: AddressSanitizer: alloc-dealloc-mismatch {{.*}}MismatchHGlobalVsCoTaskMem.cs:[[@LINE-10]] in Program.Main()
