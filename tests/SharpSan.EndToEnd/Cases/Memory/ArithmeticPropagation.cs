using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static long Scale(long v) => v * 3 + 1;

    static void Main()
    {
        short* p = (short*)NativeMemory.Alloc(8);
        p[0] = 4;
        int a = p[1];
        long b = (a << 2) - 7;
        long c = b ^ 0x55;
        int d = (int)(c >> 1);
        if (d != 3)
            Console.WriteLine("not three");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ArithmeticPropagation.cs:[[@LINE-7]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ArithmeticPropagation.cs:[[@LINE-16]]
