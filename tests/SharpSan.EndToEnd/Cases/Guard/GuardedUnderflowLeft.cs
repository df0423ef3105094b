// Guard mode with guard_align=left: the block starts right after a guard page, so a write one element before it stops
// at the faulting access (GWP-ASan's left alignment; under sampling it is chosen at random per allocation).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        long* p = (long*)Marshal.AllocHGlobal(16);
        long* q = p - 1;
        *q = 7;
        Console.WriteLine("not reached");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=1:guard_align=left
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address 0x[[ADDR:[0-9a-f]+]]
// CHECK-NEXT: WRITE at 0x[[ADDR]]
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GuardedUnderflowLeft.cs:[[@LINE-8]]
// CHECK: 0x[[ADDR]] is located 8 bytes to the left of 16-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.AllocHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GuardedUnderflowLeft.cs:[[@LINE-14]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}GuardedUnderflowLeft.cs:[[@LINE-13]] in Program.Main()
// CHECK-NOT: not reached
