using System;
using System.Runtime.InteropServices;

// Large blocks allocated, fully written, read and freed in turn (their shadow pages, made at the first allocation,
// are poisoned again at each allocation): every read follows a write, so nothing is reported.
unsafe class Program
{
    const int Size = 3 << 20;

    static void Main()
    {
        ulong hash = 14695981039346656037UL;
        for (int round = 0; round < 4; round++)
        {
            byte* block = (byte*)NativeMemory.Alloc(Size);
            for (int i = 0; i < Size; i += 8) *(long*)(block + i) = i ^ round;
            for (int i = 0; i < Size; i += 4096) hash = (hash ^ block[i + round]) * 1099511628211UL;
            NativeMemory.Free(block);
        }
        if (hash != 0) Console.WriteLine("hashed");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: hashed
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
