using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(8);
        p[0] = 100;
        int quotient = p[0] / (p[1] | 1);
        Console.WriteLine(quotient > 0 ? "positive" : "other");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}DivisorUninitialized.cs:[[@LINE-7]]
// CHECK: Uninitialized value was created by a heap allocation
