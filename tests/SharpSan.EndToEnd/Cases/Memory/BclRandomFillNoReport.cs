using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

unsafe class Program
{
    static void Main()
    {
        byte* nonce = (byte*)NativeMemory.Alloc(12);
        RandomNumberGenerator.Fill(new Span<byte>(nonce, 12));
        int high = 0;
        for (int i = 0; i < 12; i++)
            if (nonce[i] >= 0x80) high++;
        Console.WriteLine($"nonce ready {high <= 12}");
        NativeMemory.Free(nonce);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: nonce ready True
// CHECK-NOT: ERROR:
