// A double read past a block from the two-argument NativeMemory.Alloc(count, size).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static double Last(double* p, int n) { return p[n]; }

    static void Main()
    {
        double* p = (double*)NativeMemory.Alloc(3, sizeof(double));
        p[0] = p[1] = p[2] = 0.5;
        Console.WriteLine(Last(p, 3));
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Last(double*, int) {{.*}}DoubleReadOverflow.cs:[[@LINE-11]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}DoubleReadOverflow.cs:[[@LINE-6]]
// CHECK-NEXT: is located 0 bytes to the right of 24-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint, nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}DoubleReadOverflow.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}DoubleReadOverflow.cs:[[@LINE-17]] in Program.Last(double*, int)
