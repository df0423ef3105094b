// Marshal.Copy(byte[] → IntPtr) of 20 bytes into a 16-byte AllocHGlobal block.
using System;
using System.Runtime.InteropServices;

static class Program
{
    static void Main()
    {
        byte[] payload = new byte[20];
        IntPtr native = Marshal.AllocHGlobal(16);
        Marshal.Copy(payload, 0, native, payload.Length);
        Marshal.FreeHGlobal(native);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 20 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.Copy(
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalCopyToNativeOverflow.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalCopyToNativeOverflow.cs:[[@LINE-10]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}MarshalCopyToNativeOverflow.cs:[[@LINE-10]] in Program.Main()
