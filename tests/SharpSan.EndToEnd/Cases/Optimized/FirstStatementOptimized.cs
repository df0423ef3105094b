// OPTIMIZE: true
// Optimized code has no leading nop: the allocation is the very first instruction of Main, and its
// sequence point sits at IL offset 0.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(12);
        p[0] = 1; p[1] = 2; p[2] = 3;
        Console.WriteLine(p[0] + p[3]);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FirstStatementOptimized.cs:[[@LINE-5]]
// CHECK-NEXT: is located 0 bytes to the right of 12-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FirstStatementOptimized.cs:[[@LINE-11]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}FirstStatementOptimized.cs:[[@LINE-10]] in Program.Main()
