using System;
using System.Buffers;
using System.IO;

// Array.Clear defines exactly the range it clears: the rest of the rented buffer is still stale.
class Program
{
    static void Main()
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(16);
        for (int i = 0; i < 4; i++) buffer[i] = 0x55;
        Array.Clear(buffer, 4, 8);
        var wire = new MemoryStream();
        wire.Write(buffer, 0, 16);
        Console.WriteLine($"sent {wire.Length}");
    }
}

// SANITIZE: memory
// CHECK: Uninitialized bytes in System.IO.Stream.Write(byte[], int, int) at offset 12 inside [0, 16)
// CHECK-NEXT: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 {{.*}} in System.IO.Stream.Write(byte[], int, int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclArrayClearPartRangeStale.cs:[[@LINE-9]]
// CHECK-NOT: sent
