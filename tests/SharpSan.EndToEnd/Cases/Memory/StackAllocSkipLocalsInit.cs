using System;
using System.Runtime.CompilerServices;

unsafe class Program
{
    [SkipLocalsInit]
    static int Sum()
    {
        int* buffer = stackalloc int[8];
        for (int i = 0; i < 7; i++) buffer[i] = i;
        int total = 0;
        for (int i = 0; i < 8; i++)
            if (buffer[i] > 2) total += buffer[i];
        return total;
    }

    static void Main()
    {
        Console.WriteLine(Sum());
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Sum() {{.*}}StackAllocSkipLocalsInit.cs:[[@LINE-12]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StackAllocSkipLocalsInit.cs:[[@LINE-7]]
// CHECK: Uninitialized value was created by an allocation of 'stackalloc at IL_{{[0-9a-f]+}}' in the stack frame of function 'Program.Sum()'
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Sum() {{.*}}StackAllocSkipLocalsInit.cs:[[@LINE-19]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}StackAllocSkipLocalsInit.cs:[[@LINE-16]] in Program.Sum()
