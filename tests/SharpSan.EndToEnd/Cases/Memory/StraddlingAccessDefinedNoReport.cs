using System;
using System.Runtime.InteropServices;

// Defined 8-byte stores and loads straddling a shadow page boundary, over memory that was undefined: no report.
unsafe class Program
{
    const int Page = 65536;

    static void Main()
    {
        byte* block = (byte*)NativeMemory.AlignedAlloc(2 * Page, Page);
        for (int k = -7; k <= 0; k += 7) *(ulong*)(block + Page + k) = 0x0101010101010101UL;   // bytes Page-7 .. Page+7
        int ones = 0;
        for (int k = -7; k <= 0; k++)
            if (*(ulong*)(block + Page + k) == 0x0101010101010101UL) ones++;
        Console.WriteLine($"done {ones}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: done 8
// CHECK-NOT: ERROR:
