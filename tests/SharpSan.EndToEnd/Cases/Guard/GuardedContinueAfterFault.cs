// Guard mode with halt_on_error=0: the overflow is reported at the access, then the thread goes on over a throwaway
// page and the program finishes; the exit code still says a report was printed.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(32);
        p[32] = 5;
        NativeMemory.Free(p);
        Console.WriteLine("went on");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=1:halt_on_error=0
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GuardedContinueAfterFault.cs:[[@LINE-9]]
// CHECK: is located 0 bytes to the right of 32-byte region
// CHECK: went on
