// Guard mode with guard_sample_rate=1: a guarded block freed twice; the slot remembers the first free and the allocation.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        nint p = Marshal.AllocCoTaskMem(24);
        Marshal.FreeCoTaskMem(p);
        Marshal.FreeCoTaskMem(p);
        Console.WriteLine("not reached");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=1
// CHECK: ERROR: AddressSanitizer: attempting double-free on 0x[[ADDR:[0-9a-f]+]] in thread T0:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.FreeCoTaskMem(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GuardedDoubleFree.cs:[[@LINE-8]]
// CHECK: 0x[[ADDR]] is located 0 bytes inside of 24-byte region
// CHECK-NEXT: freed by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.FreeCoTaskMem(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GuardedDoubleFree.cs:[[@LINE-13]]
// CHECK: previously allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.AllocCoTaskMem(int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GuardedDoubleFree.cs:[[@LINE-17]]
// CHECK: SUMMARY: AddressSanitizer: double-free {{.*}}GuardedDoubleFree.cs:[[@LINE-16]] in Program.Main()
// CHECK-NOT: not reached
