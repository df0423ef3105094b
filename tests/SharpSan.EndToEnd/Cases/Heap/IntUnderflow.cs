// Reading the int just before the start of a block: an underflow into the left redzone.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Previous(int* p) { return p[-1]; }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(32);
        p[0] = 7;
        Console.WriteLine(Previous(p));
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Previous(int*) {{.*}}IntUnderflow.cs:[[@LINE-11]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}IntUnderflow.cs:[[@LINE-6]]
// CHECK-NEXT: [[ADDR]] is located 4 bytes to the left of 32-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}IntUnderflow.cs:[[@LINE-11]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}IntUnderflow.cs:[[@LINE-16]] in Program.Previous(int*)
