using System;
using System.Runtime.InteropServices;

// A copy proves a whole shadow page defined; undefined bytes copied into the middle of that page must void the proof,
// so the next copy out of the page carries them and the branch on one of them is reported.
unsafe class Program
{
    const int Page = 65536;

    static void Main()
    {
        byte* data = (byte*)NativeMemory.AlignedAlloc(Page, Page);
        for (int i = 0; i < Page; i++) data[i] = 1;
        byte* copy = (byte*)NativeMemory.AllocZeroed(Page);
        Buffer.MemoryCopy(data, copy, Page, Page);
        byte* stale = (byte*)NativeMemory.Alloc(64);
        Buffer.MemoryCopy(stale, data + 300, 64, 64);
        Buffer.MemoryCopy(data, copy, Page, Page);
        if (copy[310] == 7) Console.WriteLine("seven");
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PageProofVoidedByUndefinedCopy.cs:[[@LINE-7]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PageProofVoidedByUndefinedCopy.cs:[[@LINE-12]]
// CHECK-NOT: done
