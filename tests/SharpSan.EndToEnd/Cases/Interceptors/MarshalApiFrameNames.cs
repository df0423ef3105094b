// Frame #0 of a report raised inside an intercepted Marshal API names that API.
// ENV: SHARPSAN_OPTIONS=halt_on_error=0:detect_leaks=0
using System;
using System.Runtime.InteropServices;

static class Program
{
    static void Main()
    {
        IntPtr p = Marshal.AllocHGlobal(4);
        Marshal.WriteInt32(p, 0x00414141);
        Console.WriteLine(Marshal.ReadInt32(p, 2));
        Marshal.WriteInt64(p, 0, 0);
        Console.WriteLine(Marshal.PtrToStringAnsi(p, 6));
        Console.WriteLine("done");
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.ReadInt32(nint, int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalApiFrameNames.cs:[[@LINE-9]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.WriteInt64(nint, int, long)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalApiFrameNames.cs:[[@LINE-12]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 6 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.PtrToStringAnsi(nint, int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalApiFrameNames.cs:[[@LINE-15]]
// CHECK: done
