using System;
using System.Buffers;
using System.IO;
using System.Security.Cryptography;

// Stream.Read defines what it returned; hashing exactly those bytes of the rented buffer is clean.
class Program
{
    static void Main()
    {
        var input = new MemoryStream(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 });
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64);
        int n = input.Read(buffer, 0, 64);
        using var sha = SHA256.Create();
        byte[] digest = sha.ComputeHash(buffer, 0, n);
        Console.WriteLine($"read {n} digest {digest.Length}");
        ArrayPool<byte>.Shared.Return(buffer);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: read 10 digest 32
// CHECK-NOT: ERROR:
