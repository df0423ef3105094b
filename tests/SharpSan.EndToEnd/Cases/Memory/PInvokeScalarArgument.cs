using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    [DllImport("libc")]
    static extern int abs(int value);

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(8);
        p[0] = -5;
        Console.WriteLine(abs(p[0]));
        Console.WriteLine(abs(p[1]));
    }
}

// SANITIZE: memory
// CHECK: 5
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PInvokeScalarArgument.cs:[[@LINE-7]]
// CHECK: Uninitialized value was created by a heap allocation
