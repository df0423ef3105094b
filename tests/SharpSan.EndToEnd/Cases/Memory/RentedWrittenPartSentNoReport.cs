using System;
using System.Buffers;
using System.IO;

class Program
{
    static void Main()
    {
        var output = new MemoryStream();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(16);
        int n = 0;
        buffer[n++] = 0x22;
        buffer[n++] = 2;
        buffer[n++] = 1;
        output.Write(buffer, 0, n);
        Console.WriteLine($"sent {output.Length}");
        ArrayPool<byte>.Shared.Return(buffer);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: sent 3
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
