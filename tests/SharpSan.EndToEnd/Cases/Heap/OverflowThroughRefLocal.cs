// A ref local taken to an element past the end of a native array (ref p[4]), then written through.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16);
        ref int last = ref p[3];
        last = 1;
        ref int past = ref p[4];
        past = 2;
        Console.WriteLine("unreachable");
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowThroughRefLocal.cs:[[@LINE-6]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}OverflowThroughRefLocal.cs:[[@LINE-8]] in Program.Main()
// CHECK-NOT: unreachable
