// Strings marshalled to native memory and never freed; the app's own exit code (3) becomes 1 after the report.
using System;
using System.Runtime.InteropServices;

static class Program
{
    static int Main()
    {
        IntPtr a = Marshal.StringToHGlobalUni("leak");
        IntPtr b = Marshal.StringToCoTaskMemAnsi("leak");
        Console.WriteLine(Marshal.PtrToStringUni(a) + Marshal.PtrToStringAnsi(b));
        return 3;
    }
}
// CHECK: leakleak
// CHECK: ERROR: LeakSanitizer: detected memory leaks
// CHECK: Direct leak of 10 byte(s) in 1 object(s) allocated from:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.StringToHGlobalUni(string)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LeakedStrings.cs:[[@LINE-10]]
// CHECK: Direct leak of 5 byte(s) in 1 object(s) allocated from:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.StringToCoTaskMemAnsi(string)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LeakedStrings.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: 15 byte(s) leaked in 2 allocation(s).
