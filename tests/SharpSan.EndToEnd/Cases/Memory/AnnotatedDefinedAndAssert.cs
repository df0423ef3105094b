using System;
using System.Runtime.InteropServices;
using SharpSan.Annotations;

unsafe class Program
{
    // Stands for a native library that fills the buffer (SharpSan does not see its writes).
    static void NativeFill(byte* p, int n)
    {
        var span = new Span<byte>(p, n);
        span.Fill(9);
    }

    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(32);
        NativeFill(p, 32);
        Memory.MarkDefined(p, 32);
        Memory.AssertDefined(p, 32);
        int[] pooled = new int[8];
        Memory.MarkUndefined(pooled, 0, 8);
        for (int i = 0; i < 8; i++) pooled[i] = i;
        Memory.AssertDefined(pooled, 0, 8);
        int sum = 0;
        for (int i = 0; i < 32; i++)
            if (p[i] == 9) sum++;
        Console.WriteLine($"defined {sum}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: defined 32
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
