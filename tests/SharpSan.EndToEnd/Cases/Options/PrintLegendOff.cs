// print_legend=0 keeps the shadow dump but drops the legend.
// ENV: SHARPSAN_OPTIONS=print_legend=0
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        long* p = (long*)NativeMemory.Alloc(8);
        p[-1] = 0;
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PrintLegendOff.cs:[[@LINE-5]]
// CHECK-NEXT: is located 8 bytes to the left of 8-byte region
// CHECK: Shadow bytes around the buggy address:
// CHECK-NEXT: {{^  0x[0-9a-f]+: }}
// CHECK: {{^=>0x[0-9a-f]+:.*\[fa\]}}
// CHECK-NOT: Shadow byte legend
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}PrintLegendOff.cs:[[@LINE-11]] in Program.Main()
