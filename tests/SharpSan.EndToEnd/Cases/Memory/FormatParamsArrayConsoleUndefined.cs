using System;
using System.Runtime.InteropServices;

// Console.WriteLine with five arguments, the undefined one last: the params array the compiler builds is a use at the call.
unsafe class Program
{
    static void Main()
    {
        long* p = (long*)NativeMemory.Alloc(8 * sizeof(long));
        for (int i = 0; i < 4; i++) p[i] = i;
        Console.WriteLine("{0} {1} {2} {3} {4}", p[0], p[1], p[2], p[3], p[6]);
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}FormatParamsArrayConsoleUndefined.cs:[[@LINE-7]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}FormatParamsArrayConsoleUndefined.cs:[[@LINE-8]] in Program.Main()
// CHECK-NOT: 0 1 2 3
