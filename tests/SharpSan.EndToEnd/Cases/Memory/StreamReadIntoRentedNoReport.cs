using System;
using System.Buffers;
using System.IO;

class Program
{
    static void Main()
    {
        var input = new MemoryStream(new byte[] { 5, 6, 7, 8, 9 });
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64);
        int read = input.Read(buffer, 0, buffer.Length);
        int sum = 0;
        for (int i = 0; i < read; i++)
            if (buffer[i] > 6) sum += buffer[i];
        var echo = new MemoryStream();
        echo.Write(buffer, 0, read);
        Console.WriteLine($"read {read} sum {sum} echoed {echo.Length}");
        ArrayPool<byte>.Shared.Return(buffer);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: read 5 sum 24 echoed 5
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
