using System;
using System.Buffers;

class Program
{
    static void Main()
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(16);
        for (int i = 0; i < 8; i++) rented[i] = (byte)(i + 1);
        var packet = new byte[16];
        Array.Copy(rented, packet, 16);
        int flags = 0;
        if (packet[10] != 0) flags++;
        Console.WriteLine($"flags {flags}");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclArrayCopyCarriesShadow.cs:[[@LINE-7]]
// CHECK: Uninitialized value was created by an array rented from ArrayPool<byte>.Shared.Rent(16)
// CHECK-NEXT: #0 {{.*}} in System.Buffers.ArrayPool<byte>.Rent(int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclArrayCopyCarriesShadow.cs:[[@LINE-15]]
// CHECK-NOT: flags
