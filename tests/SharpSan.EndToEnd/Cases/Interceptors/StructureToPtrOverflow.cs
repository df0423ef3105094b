// Marshal.StructureToPtr of a 16-byte struct into a 12-byte block (the non-generic overload).
using System;
using System.Runtime.InteropServices;

[StructLayout(LayoutKind.Sequential)]
struct Header { public int Magic; public int Version; public long Length; }

static class Program
{
    static void Main()
    {
        IntPtr p = Marshal.AllocCoTaskMem(12);
        object boxed = new Header { Magic = 1, Version = 2, Length = 3 };
        Marshal.StructureToPtr(boxed, p, false);
        Marshal.FreeCoTaskMem(p);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 16 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.StructureToPtr(object, nint, bool)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructureToPtrOverflow.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 12-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}StructureToPtrOverflow.cs:[[@LINE-9]] in Program.Main()
