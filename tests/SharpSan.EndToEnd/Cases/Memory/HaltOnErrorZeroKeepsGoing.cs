using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16);
        if (p[0] > 0) Console.WriteLine("first");
        if (p[1] > 0) Console.WriteLine("second");
        Console.WriteLine("went on");
    }
}

// SANITIZE: memory
// ENV: SHARPSAN_OPTIONS=halt_on_error=0
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HaltOnErrorZeroKeepsGoing.cs:[[@LINE-9]]
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HaltOnErrorZeroKeepsGoing.cs:[[@LINE-10]]
// CHECK: went on
