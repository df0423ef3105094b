// Marshal.PtrToStructure<Header> (16 bytes) from an 8-byte block.
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Sequential)]
struct Header { public int Magic; public int Version; public long Length; }

static class Program
{
    static void Main()
    {
        IntPtr p = Marshal.AllocHGlobal(8);
        Marshal.WriteInt32(p, 0, 0x1234);
        Marshal.WriteInt32(p, 4, 1);
        Header h = Marshal.PtrToStructure<Header>(p);
        Console.WriteLine(h.Magic);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 16 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.PtrToStructure<T>(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PtrToStructureOverflow.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 8-byte region
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PtrToStructureOverflow.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}PtrToStructureOverflow.cs:[[@LINE-10]] in Program.Main()
