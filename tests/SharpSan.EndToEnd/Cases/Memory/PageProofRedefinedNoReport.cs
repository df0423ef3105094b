using System;
using System.Runtime.InteropServices;

// A proven page takes an undefined byte (the proof is void) and then a defined byte over it: copies and counted loops
// over the page, before and after, see only defined bytes and nothing is reported.
unsafe class Program
{
    const int Page = 65536;

    static void Main()
    {
        byte* data = (byte*)NativeMemory.AlignedAlloc(Page, Page);
        for (int i = 0; i < Page; i++) data[i] = (byte)(i & 3);
        byte* copy = (byte*)NativeMemory.AllocZeroed(Page);
        Buffer.MemoryCopy(data, copy, Page, Page);
        byte* stale = (byte*)NativeMemory.Alloc(16);
        data[100] = stale[0];
        data[100] = 9;
        long sum = 0;
        for (int round = 0; round < 3; round++)
        {
            Buffer.MemoryCopy(data, copy, Page, Page);
            for (nuint i = 0; i < Page; i++) sum += data[i];
        }
        if (copy[100] == 9 && sum > 0) Console.WriteLine($"sum {sum}");
        NativeMemory.Free(stale);
        NativeMemory.Free(copy);
        NativeMemory.AlignedFree(data);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: sum 294939
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
