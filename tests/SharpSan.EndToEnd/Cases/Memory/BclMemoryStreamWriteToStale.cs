using System;
using System.Buffers;
using System.IO;

class Program
{
    static void Main()
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(16);
        var message = new MemoryStream(rented, 0, 16);
        message.Write([1, 2, 3, 4, 5]);
        var wire = new MemoryStream();
        message.WriteTo(wire);
        Console.WriteLine($"sent {wire.Length}");
    }
}

// SANITIZE: memory
// CHECK: Uninitialized bytes in System.IO.MemoryStream.WriteTo(Stream) at offset 5 inside [0, 16)
// CHECK-NEXT: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 {{.*}} in System.IO.MemoryStream.WriteTo(Stream)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclMemoryStreamWriteToStale.cs:[[@LINE-9]]
// CHECK: Uninitialized value was created by an array rented from ArrayPool<byte>.Shared.Rent(16)
// CHECK-NOT: sent
