using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        byte* source = (byte*)NativeMemory.Alloc(32);
        byte* target = (byte*)NativeMemory.AllocZeroed(32);
        for (int i = 0; i < 16; i++) source[i] = (byte)i;
        Buffer.MemoryCopy(source, target, 32, 32);
        int sum = 0;
        for (int i = 0; i < 32; i++)
            if (target[i] != 0) sum++;
        Console.WriteLine(sum);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MemoryCopyPropagates.cs:[[@LINE-7]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MemoryCopyPropagates.cs:[[@LINE-16]]
