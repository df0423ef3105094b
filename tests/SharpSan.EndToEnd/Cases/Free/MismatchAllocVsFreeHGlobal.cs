// NativeMemory.Alloc'ed memory released with Marshal.FreeHGlobal.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        void* p = NativeMemory.Alloc(40);
        Marshal.FreeHGlobal((IntPtr)p);
        Console.WriteLine("unreachable");
    }
}
// CHECK: ERROR: AddressSanitizer: alloc-dealloc-mismatch (NativeMemory.Alloc vs Marshal.FreeHGlobal) on [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.FreeHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MismatchAllocVsFreeHGlobal.cs:[[@LINE-6]]
// CHECK: [[ADDR]] is located 0 bytes inside of 40-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MismatchAllocVsFreeHGlobal.cs:[[@LINE-11]]
// CHECK: SUMMARY: AddressSanitizer: alloc-dealloc-mismatch {{.*}}MismatchAllocVsFreeHGlobal.cs:[[@LINE-11]] in Program.Main()
// CHECK-NOT: unreachable
