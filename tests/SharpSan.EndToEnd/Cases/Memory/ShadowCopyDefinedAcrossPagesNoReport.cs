using System;
using System.Runtime.InteropServices;

// Defined bytes copied over undefined ones across a shadow page boundary (the all-defined chunks clear the destination's
// shadow), in both directions of an overlapping copy: every byte read afterwards is defined.
unsafe class Program
{
    const int Page = 65536;

    static void Main()
    {
        byte* source = (byte*)NativeMemory.Alloc(8192);
        for (int i = 0; i < 8192; i++) source[i] = (byte)(i % 7 + 1);
        byte* target = (byte*)NativeMemory.AlignedAlloc(2 * Page, Page);   // undefined
        Buffer.MemoryCopy(source, target + Page - 4096, 8192, 8192);
        Buffer.MemoryCopy(target + Page - 4096, target + Page - 4000, 8000, 8000);   // overlapping, backwards
        Buffer.MemoryCopy(target + Page - 4000, target + Page - 4090, 8000, 8000);   // overlapping, forwards
        int sum = 0;
        for (int i = Page - 4090; i < Page + 3910; i++)
            if (target[i] > 3) sum++;
        Console.WriteLine($"done {sum}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: done
// CHECK-NOT: ERROR:
