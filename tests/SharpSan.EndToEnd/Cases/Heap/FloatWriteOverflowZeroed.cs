// A float store two elements past the end of an AllocZeroed block: 4 bytes to the right.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        float* p = (float*)NativeMemory.AllocZeroed(5 * sizeof(float));
        Console.WriteLine(p[4]);
        p[6] = 1.5f;
    }
}
// CHECK: 0
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FloatWriteOverflowZeroed.cs:[[@LINE-6]]
// CHECK-NEXT: is located 4 bytes to the right of 20-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.AllocZeroed(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FloatWriteOverflowZeroed.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}FloatWriteOverflowZeroed.cs:[[@LINE-11]] in Program.Main()
