using System;
using System.Runtime.InteropServices;

// Only the first half of a shadow page is ever written: the whole-page proof fails, yet every loop and copy over the
// written half must still find it defined (the range itself is scanned), so nothing is reported.
unsafe class Program
{
    const int Page = 65536;

    static void Main()
    {
        byte* data = (byte*)NativeMemory.AlignedAlloc(Page, Page);
        for (int i = 0; i < Page / 2; i++) data[i] = (byte)(i % 5);
        byte* target = (byte*)NativeMemory.AllocZeroed(4096);
        long sum = 0;
        for (int round = 0; round < 4; round++)
        {
            for (nuint i = 1000; i < 9000; i++) sum += data[i];
            Buffer.MemoryCopy(data + round * 4096, target, 4096, 4096);
            sum += target[round * 7];
        }
        if (sum > 0) Console.WriteLine($"sum {sum}");
        NativeMemory.Free(target);
        NativeMemory.AlignedFree(data);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: sum 64008
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
