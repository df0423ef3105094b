// halt_on_error=0: after an overflow report the program finishes, and LeakSanitizer still runs at exit.
// ENV: SHARPSAN_OPTIONS=halt_on_error=0
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        int* p = (int*)Marshal.AllocHGlobal(12);
        p[3] = 1;
        Console.WriteLine("still running");
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HaltOnErrorZeroThenLeak.cs:[[@LINE-6]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}HaltOnErrorZeroThenLeak.cs:[[@LINE-7]] in Program.Main()
// CHECK: still running
// CHECK: ERROR: LeakSanitizer: detected memory leaks
// CHECK: Direct leak of 12 byte(s) in 1 object(s) allocated from:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.AllocHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HaltOnErrorZeroThenLeak.cs:[[@LINE-13]]
// CHECK: SUMMARY: AddressSanitizer: 12 byte(s) leaked in 1 allocation(s).
