using System;
using System.Buffers;

// Copying stale bytes around (Array.Copy, Buffer.BlockCopy) is not a use: only the defined part is read.
class Program
{
    static void Main()
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(16);
        for (int i = 0; i < 4; i++) rented[i] = (byte)(i + 1);
        var first = new byte[16];
        var second = new byte[16];
        Array.Copy(rented, first, 16);
        Buffer.BlockCopy(first, 0, second, 0, 16);
        int sum = 0;
        for (int i = 0; i < 4; i++)
            if (second[i] > 1) sum += second[i];
        Console.WriteLine($"sum {sum}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: sum 9
// CHECK-NOT: ERROR:
