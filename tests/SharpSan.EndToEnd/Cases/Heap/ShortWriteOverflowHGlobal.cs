// A short store past the end of a Marshal.AllocHGlobal block, made in a helper.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Store(short* p, int index, short value) { p[index] = value; }

    static void Main()
    {
        short* p = (short*)Marshal.AllocHGlobal(8);
        for (int i = 0; i < 4; i++) Store(p, i, 1);
        Store(p, 4, 2);
        Marshal.FreeHGlobal((IntPtr)p);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 2 at {{0x[0-9a-f]+}} thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Store(short*, int, short) {{.*}}ShortWriteOverflowHGlobal.cs:[[@LINE-12]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ShortWriteOverflowHGlobal.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 8-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.AllocHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ShortWriteOverflowHGlobal.cs:[[@LINE-13]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}ShortWriteOverflowHGlobal.cs:[[@LINE-18]] in Program.Store(short*, int, short)
