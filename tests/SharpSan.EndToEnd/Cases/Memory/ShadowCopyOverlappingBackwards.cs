using System;
using System.Runtime.InteropServices;

// An overlapping copy to a higher address is done from the end, chunk by chunk across the shadow page boundary: the
// undefined last byte of the first page lands 99 bytes into the destination, and only there.
unsafe class Program
{
    const int Page = 65536;

    static void Main()
    {
        byte* block = (byte*)NativeMemory.AlignedAlloc(2 * Page, Page);
        for (int i = 0; i < 2 * Page; i++)
            if (i != Page - 1) block[i] = 1;
        byte* from = block + Page - 100, to = from + 150;
        Buffer.MemoryCopy(from, to, 300, 300);
        int seen = 0;
        for (int i = 0; i < 300; i++)
        {
            seen++;
            if (to[i] != 1) Console.WriteLine($"differs at {i}");
        }
        Console.WriteLine($"done {seen}");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ShadowCopyOverlappingBackwards.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NOT: done
