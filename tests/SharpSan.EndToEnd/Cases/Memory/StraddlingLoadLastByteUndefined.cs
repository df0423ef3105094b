using System;
using System.Runtime.InteropServices;

// An 8-byte load that straddles a shadow page boundary leaves the in-page fast path: its shadow is read byte by byte,
// and the one undefined byte (the last, in the next page) still makes the value undefined.
unsafe class Program
{
    const int Page = 65536;

    static void Main()
    {
        byte* block = (byte*)NativeMemory.AlignedAlloc(2 * Page, Page);
        for (int i = Page - 4; i < Page + 3; i++) block[i] = 2;   // block[Page + 3] never written
        ulong value = *(ulong*)(block + Page - 4);
        if (value == 5)
            Console.WriteLine("five");
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StraddlingLoadLastByteUndefined.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NOT: done
