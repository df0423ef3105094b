using System;
using System.Runtime.InteropServices;

// A realloc that moves the block copies the shadow of the kept part: what was written stays defined.
unsafe class Program
{
    static void Main()
    {
        byte* small = (byte*)NativeMemory.Alloc(16);
        for (int i = 0; i < 16; i++) small[i] = (byte)i;
        byte* large = (byte*)NativeMemory.Realloc(small, 1 << 20);
        int odd = 0;
        for (int i = 0; i < 16; i++)
            if ((large[i] & 1) == 1) odd++;
        Console.WriteLine($"moved {(nint)large != (nint)small} odd {odd}");
        NativeMemory.Free(large);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: moved True odd 8
// CHECK-NOT: ERROR:
