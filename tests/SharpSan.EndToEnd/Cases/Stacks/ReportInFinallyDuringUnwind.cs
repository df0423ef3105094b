// An overflow inside a finally block that runs while an exception thrown two checked frames deeper unwinds: the
// frames below the finally's method are live, the thrower's are not. (Exact before the fix too: a guard.)
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int* s_buffer;

    static void StaleThrower() => throw new InvalidOperationException("boom");
    static void StaleMiddle() => StaleThrower();

    static void Cleanup()
    {
        try
        {
            StaleMiddle();
        }
        finally
        {
            s_buffer[4] = 1;
        }
    }

    static void Main()
    {
        s_buffer = (int*)NativeMemory.Alloc(16);
        try { Cleanup(); } catch (InvalidOperationException) { }
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK-NEXT: WRITE of size 4
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Cleanup() {{.*}}ReportInFinallyDuringUnwind.cs:[[@LINE-12]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ReportInFinallyDuringUnwind.cs:[[@LINE-6]]
// CHECK-NOT: Stale
// CHECK: is located 0 bytes to the right of 16-byte region
// CHECK-NOT: Stale
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}ReportInFinallyDuringUnwind.cs:[[@LINE-17]] in Program.Cleanup()
