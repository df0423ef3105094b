// Marshal.Copy(IntPtr → int[]) of 5 ints out of a 16-byte block: reads 20 bytes.
using System;
using System.Runtime.InteropServices;

static class Program
{
    static void Main()
    {
        IntPtr native = Marshal.AllocCoTaskMem(16);
        int[] values = new int[5];
        Marshal.Copy(native, values, 0, 5);
        Console.WriteLine(values[4]);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 20 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.Copy(
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalCopyFromNativeOverflow.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region
// CHECK: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.AllocCoTaskMem(int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalCopyFromNativeOverflow.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}MarshalCopyFromNativeOverflow.cs:[[@LINE-11]] in Program.Main()
