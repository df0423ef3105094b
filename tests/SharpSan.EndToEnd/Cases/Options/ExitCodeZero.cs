// exitcode=0: the report is printed but the run exits 0.
// ENV: SHARPSAN_OPTIONS=exitcode=0
// EXIT: 0
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Main()
    {
        short* p = (short*)NativeMemory.Alloc(6);
        p[3] = 1;
        return 9;
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 2 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ExitCodeZero.cs:[[@LINE-6]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}ExitCodeZero.cs:[[@LINE-7]] in Program.Main()
