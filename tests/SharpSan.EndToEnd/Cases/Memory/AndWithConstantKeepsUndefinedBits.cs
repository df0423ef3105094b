using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        uint* p = (uint*)NativeMemory.Alloc(4);
        *(byte*)p = 0x5A;          // only the low byte is written
        uint mid = *p & 0xFF00;    // bits 8..15 were never written
        if (mid == 0) Console.WriteLine("zero");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}AndWithConstantKeepsUndefinedBits.cs:[[@LINE-6]]
