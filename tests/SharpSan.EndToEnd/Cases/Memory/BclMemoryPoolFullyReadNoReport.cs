using System;
using System.Buffers;
using System.IO;

class Program
{
    static void Main()
    {
        var source = new MemoryStream(new byte[] { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 9, 8, 7, 6, 5, 4 });
        var wire = new MemoryStream();
        using IMemoryOwner<byte> owner = MemoryPool<byte>.Shared.Rent(32);
        Memory<byte> frame = owner.Memory.Slice(0, 32);
        int read = source.ReadAsync(frame).AsTask().GetAwaiter().GetResult();
        wire.WriteAsync(frame.Slice(0, read)).AsTask().GetAwaiter().GetResult();
        Console.WriteLine($"read {read} sent {wire.Length}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: read 16 sent 16
// CHECK-NOT: ERROR:
