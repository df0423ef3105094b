using System;
using System.Runtime.InteropServices;

// A copy proves a whole shadow page defined and the runtime remembers it; a later store of an undefined byte into that
// page must void the proof, so the counted loop's entry test over it fails and the use of the sum is reported.
unsafe class Program
{
    const int Page = 65536;

    static void Main()
    {
        byte* data = (byte*)NativeMemory.AlignedAlloc(Page, Page);
        for (int i = 0; i < Page; i++) data[i] = (byte)i;
        byte* copy = (byte*)NativeMemory.AllocZeroed(Page);
        Buffer.MemoryCopy(data, copy, Page, Page);
        byte* stale = (byte*)NativeMemory.Alloc(16);
        data[5000] = stale[3];
        long sum = 0;
        for (nuint i = 4096; i < 8192; i++) sum += data[i];
        if (sum > 10) Console.WriteLine("large");
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PageProofVoidedByUndefinedStore.cs:[[@LINE-7]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PageProofVoidedByUndefinedStore.cs:[[@LINE-13]]
// CHECK-NOT: done
