// halt_on_error=0: the program runs on; each distinct error is reported once, even when its line runs
// in a loop, and the exit code is still 1 at the end.
// ENV: SHARPSAN_OPTIONS=halt_on_error=0:detect_leaks=0
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        int* a = (int*)NativeMemory.Alloc(16);
        int sum = 0;
        for (int i = 0; i < 5; i++)
            sum += a[4 + i % 2];
        Console.WriteLine("after overflow loop");
        NativeMemory.Free(a);
        a[0] = 1;
        a[0] = 2;
        NativeMemory.Free(a);
        Console.WriteLine("finished");
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HaltOnErrorZero.cs:[[@LINE-11]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}HaltOnErrorZero.cs:[[@LINE-13]] in Program.Main()
// CHECK-NOT: ERROR:
// CHECK: after overflow loop
// CHECK-NOT: ERROR:
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address
// CHECK-NEXT: WRITE of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HaltOnErrorZero.cs:[[@LINE-16]]
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}HaltOnErrorZero.cs:[[@LINE-17]] in Program.Main()
// CHECK-NOT: ERROR:
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address
// CHECK-NEXT: WRITE of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HaltOnErrorZero.cs:[[@LINE-20]]
// CHECK-NOT: ERROR:
// CHECK: ERROR: AddressSanitizer: attempting double-free on
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HaltOnErrorZero.cs:[[@LINE-22]]
// CHECK: SUMMARY: AddressSanitizer: double-free {{.*}}HaltOnErrorZero.cs:[[@LINE-23]] in Program.Main()
// CHECK-NOT: ERROR:
// CHECK: finished
// CHECK-NOT: ERROR:
