using System;
using System.Buffers;
using System.Security.Cryptography;

class Program
{
    static void Main()
    {
        byte[] block = ArrayPool<byte>.Shared.Rent(32);
        for (int i = 0; i < 16; i++) block[i] = (byte)i;
        byte[] digest = SHA256.HashData(block);
        Console.WriteLine($"digest {digest.Length}");
    }
}

// SANITIZE: memory
// CHECK: Uninitialized bytes in System.Security.Cryptography.SHA256.HashData(byte[]) at offset 16 inside [0, 32)
// CHECK-NEXT: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 {{.*}} in System.Security.Cryptography.SHA256.HashData(byte[])
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclHashOfStaleRented.cs:[[@LINE-9]]
// CHECK: Uninitialized value was created by an array rented from ArrayPool<byte>.Shared.Rent(32)
// CHECK-NOT: digest
