// Marshal.PtrToStringUTF8(ptr, 10) over the 6 bytes of StringToCoTaskMemUTF8("hello") (5 + NUL).
using System;
using System.Runtime.InteropServices;

static class Program
{
    static void Main()
    {
        IntPtr s = Marshal.StringToCoTaskMemUTF8("hello");
        Console.WriteLine(Marshal.PtrToStringUTF8(s, 5));
        Console.WriteLine(Marshal.PtrToStringUTF8(s, 10));
        Marshal.FreeCoTaskMem(s);
    }
}
// CHECK: hello
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 10 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.PtrToString
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PtrToStringUTF8LengthOverflow.cs:[[@LINE-8]]
// CHECK-NEXT: is located 0 bytes to the right of 6-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.StringToCoTaskMemUTF8(string)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PtrToStringUTF8LengthOverflow.cs:[[@LINE-14]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}PtrToStringUTF8LengthOverflow.cs:[[@LINE-13]] in Program.Main()
