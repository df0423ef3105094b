// The other order: MemorySanitizer reports first, so the run exits with its code (77), then the overflowing read
// is reported by AddressSanitizer — and the value read from the redzone is not reported a second time by MSan.
using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(8);
        p[0] = 1;
        if (p[3] == 0)
            Console.WriteLine("zero");
        byte past = p[8];
        if (past == 42)
            Console.WriteLine("forty-two");
        Console.WriteLine("went on");
        NativeMemory.Free(p);
    }
}

// SANITIZE: address,memory
// ENV: SHARPSAN_OPTIONS=halt_on_error=0
// EXIT: 77
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UninitializedThenOverflowBothReported.cs:[[@LINE-14]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}UninitializedThenOverflowBothReported.cs:[[@LINE-15]] in Program.Main()
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 1 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UninitializedThenOverflowBothReported.cs:[[@LINE-16]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}UninitializedThenOverflowBothReported.cs:[[@LINE-17]] in Program.Main()
// CHECK-NOT: MemorySanitizer
// CHECK: went on
// CHECK-NOT: ERROR:
// CHECK-NOT: WARNING:
