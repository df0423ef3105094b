using System;
using System.Buffers;

// track_origins=2 with managed array copies: a stale rented array copied whole (Array.Copy, Buffer.BlockCopy) of
// which only the written part is read, and a stale tail overwritten after the copy: no report.
class Program
{
    static void Main()
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(16);
        for (int i = 0; i < 8; i++) rented[i] = (byte)(i + 1);
        var packet = new byte[16];
        Array.Copy(rented, packet, 16);
        var copy = new byte[16];
        Buffer.BlockCopy(packet, 0, copy, 0, 16);
        int sum = 0;
        for (int i = 0; i < 8; i++) sum += copy[i];
        copy[12] = 3;
        if (copy[12] == 3 && sum == 36) Console.WriteLine("only written bytes used");
        ArrayPool<byte>.Shared.Return(rented);
    }
}

// SANITIZE: memory
// ENV: SHARPSAN_OPTIONS=track_origins=2
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: only written bytes used
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
