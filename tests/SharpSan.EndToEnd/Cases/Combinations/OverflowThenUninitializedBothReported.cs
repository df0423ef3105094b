// address,memory in one run (clang cannot: its ASan and MSan are exclusive): an overflow and an uninitialised use,
// each reported in its own tool's grammar. The first report printed names the exit code (ASan's 1 here).
using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16);
        p[0] = 1;
        p[4] = 7;
        if (p[2] > 0)
            Console.WriteLine("positive");
        Console.WriteLine("went on");
        NativeMemory.Free(p);
    }
}

// SANITIZE: address,memory
// ENV: SHARPSAN_OPTIONS=halt_on_error=0
// EXIT: 1
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowThenUninitializedBothReported.cs:[[@LINE-13]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}OverflowThenUninitializedBothReported.cs:[[@LINE-14]] in Program.Main()
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowThenUninitializedBothReported.cs:[[@LINE-15]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowThenUninitializedBothReported.cs:[[@LINE-21]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}OverflowThenUninitializedBothReported.cs:[[@LINE-19]] in Program.Main()
// CHECK: went on
// CHECK-NOT: ERROR:
// CHECK-NOT: WARNING:
