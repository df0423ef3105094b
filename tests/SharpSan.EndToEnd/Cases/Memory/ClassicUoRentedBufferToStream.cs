using System;
using System.Buffers;
using System.IO;

// The shape of ClassicUO PR #1529: a rented buffer filled only in part, then sent whole, stale bytes and all.
class Program
{
    static int WritePacket(byte[] buffer, byte id, ushort value)
    {
        buffer[0] = id;
        buffer[1] = (byte)(value >> 8);
        buffer[2] = (byte)value;
        return 3;
    }

    static void Main()
    {
        var output = new MemoryStream();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(16);
        WritePacket(buffer, 0x22, 513);
        output.Write(buffer, 0, buffer.Length);
        Console.WriteLine($"sent {output.Length}");
        ArrayPool<byte>.Shared.Return(buffer);
    }
}

// SANITIZE: memory
// CHECK: Uninitialized bytes in System.IO.Stream.Write(byte[], int, int) at offset 3 inside [0, 16)
// CHECK-NEXT: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 {{.*}} in System.IO.Stream.Write(byte[], int, int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ClassicUoRentedBufferToStream.cs:[[@LINE-10]]
// CHECK: Uninitialized value was created by an array rented from ArrayPool<byte>.Shared.Rent(16)
// CHECK-NEXT: #0 {{.*}} in System.Buffers.ArrayPool<byte>.Rent(int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ClassicUoRentedBufferToStream.cs:[[@LINE-15]]
// CHECK-NOT: sent
