using System;
using System.Runtime.InteropServices;
using System.Text;

unsafe class Program
{
    static void Main()
    {
        byte* buffer = (byte*)NativeMemory.Alloc(32);
        int n = Encoding.UTF8.GetBytes("hello, world".AsSpan(), new Span<byte>(buffer, 32));
        int vowels = 0;
        for (int i = 0; i < n; i++)
            if (buffer[i] == 'o' || buffer[i] == 'e') vowels++;
        Console.WriteLine($"bytes {n} vowels {vowels}");
        NativeMemory.Free(buffer);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: bytes 12 vowels 3
// CHECK-NOT: ERROR:
