// A string from Marshal.StringToCoTaskMemUTF8 (CoTaskMem family) released with Marshal.FreeHGlobal.
using System;
using System.Runtime.InteropServices;

static class Program
{
    static void Main()
    {
        IntPtr s = Marshal.StringToCoTaskMemUTF8("héllo");
        Console.WriteLine(Marshal.PtrToStringUTF8(s));
        Marshal.FreeHGlobal(s);
    }
}
// CHECK: héllo
// CHECK: ERROR: AddressSanitizer: alloc-dealloc-mismatch (Marshal.AllocCoTaskMem vs Marshal.FreeHGlobal) on
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.FreeHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MismatchUtf8CoTaskMemVsFreeHGlobal.cs:[[@LINE-6]]
// CHECK: is located 0 bytes inside of 7-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.StringToCoTaskMemUTF8(string)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MismatchUtf8CoTaskMemVsFreeHGlobal.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: alloc-dealloc-mismatch {{.*}}MismatchUtf8CoTaskMemVsFreeHGlobal.cs:[[@LINE-11]] in Program.Main()
