// exitcode=42 replaces the default exit code 1 after a report.
// ENV: SHARPSAN_OPTIONS=exitcode=42
// EXIT: 42
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Main()
    {
        byte* p = (byte*)Marshal.AllocHGlobal(3);
        p[3] = 0;
        return 0;
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ExitCodeOption.cs:[[@LINE-6]]
// CHECK-NEXT: is located 0 bytes to the right of 3-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}ExitCodeOption.cs:[[@LINE-8]] in Program.Main()
