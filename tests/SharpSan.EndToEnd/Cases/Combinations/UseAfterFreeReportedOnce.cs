// A read of freed memory under address,memory: ASan's heap-use-after-free, and nothing from MSan when the value
// read is then branched on (freed bytes are defined in MSan's shadow: ASan owns their misuse; no double report).
using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        long* p = (long*)NativeMemory.Alloc(32);
        p[1] = 5;
        NativeMemory.Free(p);
        if (p[1] == 5)
            Console.WriteLine("stale five");
        Console.WriteLine("went on");
    }
}

// SANITIZE: address,memory
// ENV: SHARPSAN_OPTIONS=halt_on_error=0
// EXIT: 1
// CHECK: ERROR: AddressSanitizer: heap-use-after-free on address
// CHECK-NEXT: READ of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UseAfterFreeReportedOnce.cs:[[@LINE-11]]
// CHECK: freed by thread T0 here:
// CHECK: SUMMARY: AddressSanitizer: heap-use-after-free {{.*}}UseAfterFreeReportedOnce.cs:[[@LINE-13]] in Program.Main()
// CHECK-NOT: MemorySanitizer
// CHECK: went on
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
