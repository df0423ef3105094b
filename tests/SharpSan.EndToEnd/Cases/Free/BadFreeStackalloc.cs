// Freeing stackalloc'ed memory with FreeHGlobal: the pointer is a stack buffer (on SharpSan's fake stack).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Release(byte* p) => Marshal.FreeHGlobal((IntPtr)p);

    static void Main()
    {
        byte* scratch = stackalloc byte[64];
        scratch[0] = 1;
        Release(scratch);
        Console.WriteLine("unreachable");
    }
}
// CHECK: ERROR: AddressSanitizer: attempting free on address which was not malloc()-ed: [[ADDR:0x[0-9a-f]+]] in thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.FreeHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Release(byte*) {{.*}}BadFreeStackalloc.cs:[[@LINE-12]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BadFreeStackalloc.cs:[[@LINE-7]]
// CHECK: Address [[ADDR]] is located in stack of thread T0 at offset 32 in frame
// CHECK: SUMMARY: AddressSanitizer: bad-free {{.*}}BadFreeStackalloc.cs:[[@LINE-15]] in Program.Release(byte*)
// CHECK-NOT: unreachable
