using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        byte* a = (byte*)NativeMemory.Alloc(16);
        byte* b = (byte*)Marshal.AllocHGlobal(16);
        byte* c = (byte*)NativeMemory.Alloc(16);
        NativeMemory.Clear(a, 16);
        NativeMemory.Fill(b, 16, 7);
        Unsafe.InitBlock(c, 3, 16);
        int total = 0;
        for (int i = 0; i < 16; i++)
            if (a[i] + b[i] + c[i] > 5) total++;
        Console.WriteLine($"total {total}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: total 16
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
