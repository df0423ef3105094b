// Guard mode, negative: one block grown and shrunk through realloc across many size classes (and past the largest
// small class, to the real allocator and back), under every family that reallocates; the bytes it held survive each
// move and every old block is freed exactly once by the realloc itself. No report.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        int[] sizes = [1, 24, 40, 100, 255, 300, 4000, 65520, 70000, 200000, 5000, 48, 8, 0, 33];
        byte* p = (byte*)NativeMemory.Alloc(0);
        byte* a = (byte*)NativeMemory.AlignedAlloc(8, 64);
        nint h = Marshal.AllocHGlobal(1);
        int kept = 0, bad = 0;
        foreach (int size in sizes)
        {
            p = (byte*)NativeMemory.Realloc(p, (nuint)size);
            a = (byte*)NativeMemory.AlignedRealloc(a, (nuint)size, 64);
            h = Marshal.ReAllocHGlobal(h, Math.Max(size, 1));
            if ((nint)a % 64 != 0) Console.WriteLine("misaligned");
            for (int j = 0; j < Math.Min(kept, size); j++)
                if (p[j] != (byte)j || a[j] != (byte)(j ^ 0x5a) || ((byte*)h)[j] != (byte)(j + 1)) bad++;
            for (int j = 0; j < size; j++) { p[j] = (byte)j; a[j] = (byte)(j ^ 0x5a); ((byte*)h)[j] = (byte)(j + 1); }
            kept = size;
        }
        NativeMemory.Free(p);
        NativeMemory.AlignedFree(a);
        Marshal.FreeHGlobal(h);
        Console.WriteLine($"resized {sizes.Length} times, {bad} bytes lost");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=0
// CHECK-NOT: ERROR:
// CHECK-NOT: misaligned
// CHECK: resized 15 times, 0 bytes lost
// CHECK-NOT: ERROR:
