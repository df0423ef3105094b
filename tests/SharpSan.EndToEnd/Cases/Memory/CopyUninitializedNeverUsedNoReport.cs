using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        byte* a = (byte*)NativeMemory.Alloc(64);
        byte* b = (byte*)NativeMemory.Alloc(64);
        long* c = (long*)NativeMemory.Alloc(64);
        Buffer.MemoryCopy(a, b, 64, 64);
        Unsafe.CopyBlock(c, b, 64);
        for (int i = 0; i < 64; i++) b[63 - i] = a[i];
        for (int i = 0; i < 8; i++) c[i] = c[7 - i] + 1;
        NativeMemory.Copy(c, a, 64);
        int x = a[5];
        x = x * 2 + b[3];
        Console.WriteLine("copied");
        NativeMemory.Free(a);
        NativeMemory.Free(b);
        NativeMemory.Free(c);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: copied
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
