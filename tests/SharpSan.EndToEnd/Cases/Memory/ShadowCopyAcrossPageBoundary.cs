using System;
using System.Runtime.InteropServices;

// The shadow copy works per 64 KiB shadow page: a chunk whose source is all defined is cleared in one go, only a chunk
// holding undefined bytes is copied byte by byte. The one undefined byte sits just past the page boundary.
unsafe class Program
{
    const int Page = 65536;

    static void Main()
    {
        byte* source = (byte*)NativeMemory.AlignedAlloc(2 * Page, Page);
        for (int i = 0; i < 2 * Page; i++)
            if (i != Page + 2) source[i] = 1;
        byte* target = (byte*)NativeMemory.AllocZeroed(4096);
        Buffer.MemoryCopy(source + Page - 2048, target, 4096, 4096);
        int differ = 0;
        for (int i = 0; i < 4096; i++)
            if (target[i] != 1) differ++;
        Console.WriteLine($"done {differ}");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ShadowCopyAcrossPageBoundary.cs:[[@LINE-7]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.AlignedAlloc(nuint, nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ShadowCopyAcrossPageBoundary.cs:[[@LINE-17]]
// CHECK-NOT: done
