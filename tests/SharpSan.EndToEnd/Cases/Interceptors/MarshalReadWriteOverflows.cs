// Every Marshal.Read*/Write* width, each one element past an 8-byte block; halt_on_error=0 reports each once.
// ENV: SHARPSAN_OPTIONS=halt_on_error=0:detect_leaks=0
using System;
using System.Runtime.InteropServices;

static class Program
{
    static void Main()
    {
        IntPtr p = Marshal.AllocHGlobal(8);
        Marshal.WriteInt64(p, 0);
        Console.WriteLine(Marshal.ReadByte(p, 8));
        Console.WriteLine(Marshal.ReadInt16(p, 7));
        Console.WriteLine(Marshal.ReadInt32(p, 6));
        Console.WriteLine(Marshal.ReadInt64(p, 4));
        Console.WriteLine(Marshal.ReadIntPtr(p, 8));
        Marshal.WriteByte(p, 8, 1);
        Marshal.WriteInt16(p, 7, 1);
        Marshal.WriteInt32(p, 5, 1);
        Marshal.WriteInt64(p, 1, 1);
        Marshal.WriteIntPtr(p, 8, IntPtr.Zero);
        Console.WriteLine("done");
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalReadWriteOverflows.cs:[[@LINE-16]]
// CHECK-NEXT: is located 0 bytes to the right of 8-byte region
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 2 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalReadWriteOverflows.cs:[[@LINE-20]]
// CHECK-NEXT: is located 0 bytes to the right of 8-byte region
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalReadWriteOverflows.cs:[[@LINE-24]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalReadWriteOverflows.cs:[[@LINE-27]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: READ of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalReadWriteOverflows.cs:[[@LINE-30]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalReadWriteOverflows.cs:[[@LINE-33]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 2 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalReadWriteOverflows.cs:[[@LINE-36]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalReadWriteOverflows.cs:[[@LINE-39]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalReadWriteOverflows.cs:[[@LINE-42]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalReadWriteOverflows.cs:[[@LINE-45]]
// CHECK: done
// CHECK-NOT: ERROR:
