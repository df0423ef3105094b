using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static int Fill(byte* buffer, int capacity)
    {
        string text = "hello";
        int n = Math.Min(text.Length, capacity);
        for (int i = 0; i < n; i++) buffer[i] = (byte)text[i];
        return n;
    }

    static void Main()
    {
        byte* buffer = (byte*)NativeMemory.Alloc(256);
        int length = Fill(buffer, 256);
        int vowels = 0;
        for (int i = 0; i < length; i++)
            if (buffer[i] is (byte)'e' or (byte)'o') vowels++;
        Console.WriteLine($"vowels {vowels}");
        NativeMemory.Free(buffer);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: vowels 2
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
