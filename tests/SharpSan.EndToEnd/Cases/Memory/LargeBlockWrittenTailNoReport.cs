using System;
using System.Runtime.InteropServices;

// A large block is written in stretches, near its end included, and only written bytes are read, looped over and
// copied: its shadow pages must read defined once written, so nothing is reported.
unsafe class Program
{
    const int Size = 6 << 20;

    static void Main()
    {
        byte* block = (byte*)NativeMemory.Alloc(Size);
        for (int i = 0; i < 65536; i++) block[i] = (byte)(i % 7);
        for (int i = Size - 200000; i < Size - 100000; i++) block[i] = (byte)(i % 3);
        long sum = 0;
        for (nuint i = Size - 200000; i < Size - 100000; i++) sum += block[i];
        byte* copy = (byte*)NativeMemory.Alloc(4096);
        Buffer.MemoryCopy(block + Size - 150000, copy, 4096, 4096);
        for (int i = 0; i < 4096; i++) sum += copy[i];
        if (block[Size - 100001] < 3 && block[100] < 7) sum += 1;
        Console.WriteLine($"sum {sum}");
        NativeMemory.Free(copy);
        NativeMemory.Free(block);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: sum {{[0-9]+}}
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
