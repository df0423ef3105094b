using System;
using System.Buffers;
using System.IO;

// Every write to a MemoryStream over a rented array defines what it wrote, whoever writes: the program, a
// BinaryWriter over it, another stream's CopyTo. Then the whole message goes out clean.
class Program
{
    static void Main()
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(16);
        var message = new MemoryStream(rented, 0, 16);
        message.Write([1, 2, 3, 4]);
        using (var writer = new BinaryWriter(message, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(0x01020304);
            writer.Write((short)7);
        }
        new MemoryStream(new byte[] { 5, 6, 7, 8, 9, 10 }).CopyTo(message);
        var wire = new MemoryStream();
        message.WriteTo(wire);
        byte[] copy = message.ToArray();
        int odd = 0;
        for (int i = 0; i < copy.Length; i++)
            if ((copy[i] & 1) == 1) odd++;
        Console.WriteLine($"sent {wire.Length} odd {odd}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: sent 16 odd 8
// CHECK-NOT: ERROR:
