using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16);
        for (int i = 0; i < 4; i++) p[i] = i * 3;
        int sum = 0;
        for (int i = 0; i < 4; i++)
            if (p[i] % 2 == 0) sum += p[i];
        Console.WriteLine($"sum {sum}");
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: sum 6
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
