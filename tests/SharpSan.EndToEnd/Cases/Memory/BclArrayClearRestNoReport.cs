using System;
using System.Buffers;
using System.IO;

class Program
{
    static void Main()
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(16);
        for (int i = 0; i < 4; i++) buffer[i] = 0x55;
        Array.Clear(buffer, 4, 12);
        var wire = new MemoryStream();
        wire.Write(buffer, 0, 16);
        Console.WriteLine($"sent {wire.Length}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: sent 16
// CHECK-NOT: ERROR:
