using System;
using System.IO;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        var input = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6 });
        byte* buffer = (byte*)NativeMemory.Alloc(64);
        int read = input.Read(new Span<byte>(buffer, 64));
        int odd = 0;
        for (int i = 0; i < read; i++)
            if ((buffer[i] & 1) == 1) odd++;
        Console.WriteLine($"read {read} odd {odd}");
        NativeMemory.Free(buffer);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: read 6 odd 3
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
