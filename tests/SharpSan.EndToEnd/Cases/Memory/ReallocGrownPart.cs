using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(4 * sizeof(int));
        for (int i = 0; i < 4; i++) p[i] = i + 1;
        p = (int*)NativeMemory.Realloc(p, 64 * sizeof(int));
        int kept = 0;
        for (int i = 0; i < 4; i++)
            if (p[i] > 0) kept++;
        Console.WriteLine($"kept {kept}");
        if (p[10] > 0) Console.WriteLine("grown");
    }
}

// SANITIZE: memory
// CHECK: kept 4
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ReallocGrownPart.cs:[[@LINE-7]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Realloc(void*, nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ReallocGrownPart.cs:[[@LINE-15]]
