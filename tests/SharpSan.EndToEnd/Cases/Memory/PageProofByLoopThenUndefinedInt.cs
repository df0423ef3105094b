using System;
using System.Runtime.InteropServices;

// A counted loop's entry test proves a whole shadow page defined; a 4-byte store of an undefined int into it must void
// the proof, so a copy of the page carries the undefined bytes and the branch on one of them is reported.
unsafe class Program
{
    const int Page = 65536;

    static void Main()
    {
        byte* data = (byte*)NativeMemory.AlignedAlloc(Page, Page);
        for (int i = 0; i < Page; i++) data[i] = 1;
        long sum = 0;
        for (nuint i = 0; i < Page; i++) sum += data[i];
        if (sum != Page) Console.WriteLine("odd");
        int* stale = (int*)NativeMemory.Alloc(16);
        *(int*)(data + 40000) = stale[1];
        byte* copy = (byte*)NativeMemory.AllocZeroed(Page);
        Buffer.MemoryCopy(data, copy, Page, Page);
        if (copy[40002] > 3) Console.WriteLine("large");
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PageProofByLoopThenUndefinedInt.cs:[[@LINE-7]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PageProofByLoopThenUndefinedInt.cs:[[@LINE-13]]
// CHECK-NOT: done
