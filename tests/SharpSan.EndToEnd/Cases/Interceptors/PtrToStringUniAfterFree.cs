// Marshal.PtrToStringUni on a string that Marshal.FreeHGlobal already released.
using System;
using System.Runtime.InteropServices;

static class Program
{
    static void Main()
    {
        IntPtr s = Marshal.StringToHGlobalUni("tea");
        Console.WriteLine(Marshal.PtrToStringUni(s));
        Marshal.FreeHGlobal(s);
        Console.WriteLine(Marshal.PtrToStringUni(s));
    }
}
// CHECK: tea
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address
// CHECK-NEXT: READ of size 2 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.PtrToString
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PtrToStringUniAfterFree.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes inside of 8-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.FreeHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PtrToStringUniAfterFree.cs:[[@LINE-12]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.StringToHGlobalUni(string)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PtrToStringUniAfterFree.cs:[[@LINE-17]]
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}PtrToStringUniAfterFree.cs:[[@LINE-15]] in Program.Main()
