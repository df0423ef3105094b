// Three leaks from one allocation site are grouped into one block; a fourth from another site is separate.
using System;
using System.Runtime.InteropServices;

static class Program
{
    static void Main()
    {
        for (int i = 0; i < 3; i++)
        {
            IntPtr p = Marshal.AllocHGlobal(32);
            Marshal.WriteInt32(p, i);
        }
        IntPtr other = Marshal.AllocCoTaskMem(10);
        Console.WriteLine("leaving");
    }
}
// CHECK: leaving
// CHECK: ERROR: LeakSanitizer: detected memory leaks
// CHECK: Direct leak of 96 byte(s) in 3 object(s) allocated from:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.AllocHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GroupedLeaks.cs:[[@LINE-11]]
// CHECK: Direct leak of 10 byte(s) in 1 object(s) allocated from:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.AllocCoTaskMem(int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GroupedLeaks.cs:[[@LINE-11]]
// CHECK: SUMMARY: AddressSanitizer: 106 byte(s) leaked in 4 allocation(s).
