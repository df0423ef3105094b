// Marshal.FreeCoTaskMem called twice on a string from Marshal.StringToCoTaskMemUni.
using System;
using System.Runtime.InteropServices;

static class Program
{
    static void Main()
    {
        IntPtr s = Marshal.StringToCoTaskMemUni("hello");
        Console.WriteLine(Marshal.PtrToStringUni(s));
        Marshal.FreeCoTaskMem(s);
        Marshal.FreeCoTaskMem(s);
    }
}
// CHECK: hello
// CHECK: ERROR: AddressSanitizer: attempting double-free on {{0x[0-9a-f]+}} in thread T0:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.FreeCoTaskMem(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}DoubleFreeCoTaskMem.cs:[[@LINE-6]]
// CHECK: is located 0 bytes inside of 12-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.FreeCoTaskMem(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}DoubleFreeCoTaskMem.cs:[[@LINE-11]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.StringToCoTaskMemUni(string)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}DoubleFreeCoTaskMem.cs:[[@LINE-16]]
// CHECK: SUMMARY: AddressSanitizer: double-free {{.*}}DoubleFreeCoTaskMem.cs:[[@LINE-14]] in Program.Main()
