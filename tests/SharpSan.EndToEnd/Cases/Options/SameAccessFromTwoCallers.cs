// halt_on_error=0 reports one bad access once (ASan's suppress_equal_pcs), even when it is reached from two
// different call sites.
// ENV: SHARPSAN_OPTIONS=halt_on_error=0:detect_leaks=0
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Get(int* p, int i)
    {
        return p[i];
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.AllocZeroed(16);
        int a = Get(p, 4);
        int b = Get(p, 5);
        Console.WriteLine($"done {a + b}");
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Get(int*, int) {{.*}}SameAccessFromTwoCallers.cs:[[@LINE-13]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}SameAccessFromTwoCallers.cs:[[@LINE-8]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}SameAccessFromTwoCallers.cs:[[@LINE-15]] in Program.Get(int*, int)
// CHECK-NOT: ERROR:
// CHECK: done
// CHECK-NOT: ERROR:
