// Guard mode with guard_sample_rate=1: every block sits against a guard page, so a write one byte past the end stops
// at the faulting access; the report names the block and its allocation stack.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Fill(byte* p, int n) { for (int i = 0; i <= n; i++) p[i] = 1; }

    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(10);
        Fill(p, 10);
        Console.WriteLine("not reached");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=1
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address 0x[[ADDR:[0-9a-f]+]]
// CHECK-NEXT: WRITE at 0x[[ADDR]]
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Fill(byte*, int) {{.*}}GuardedOverflowRight.cs:[[@LINE-13]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GuardedOverflowRight.cs:[[@LINE-9]]
// CHECK: Found by SharpSan's guard allocator (--sanitize guard)
// CHECK-NEXT: 0x[[ADDR]] is located 0 bytes to the right of 10-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GuardedOverflowRight.cs:[[@LINE-15]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}GuardedOverflowRight.cs:[[@LINE-20]] in Program.Fill(byte*, int)
// CHECK-NOT: not reached
