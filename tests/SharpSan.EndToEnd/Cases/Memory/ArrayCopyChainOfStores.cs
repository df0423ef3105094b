using System;
using System.Buffers;

// track_origins=2 through managed array copies: stale rented bytes copied by Array.Copy and then by Buffer.BlockCopy
// list each copy as a store ("Uninitialized value was stored to memory at", newest first) before the Rent origin, as
// MSan chains memcpy'd origins.
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
        if (copy[10] == 7) Console.WriteLine("seven");
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// ENV: SHARPSAN_OPTIONS=track_origins=2
// CHECK: {{^}}=={{[0-9]+}}==WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ArrayCopyChainOfStores.cs:[[@LINE-8]]
// CHECK: {{^  }}Uninitialized value was stored to memory at
// CHECK: in Program.Main() {{.*}}ArrayCopyChainOfStores.cs:[[@LINE-11]]
// CHECK: {{^  }}Uninitialized value was stored to memory at
// CHECK: in Program.Main() {{.*}}ArrayCopyChainOfStores.cs:[[@LINE-15]]
// CHECK: {{^  }}Uninitialized value was created by an array rented from ArrayPool<byte>.Shared.Rent(16)
// CHECK: in Program.Main() {{.*}}ArrayCopyChainOfStores.cs:[[@LINE-20]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}ArrayCopyChainOfStores.cs:[[@LINE-15]] in Program.Main()
// CHECK-NOT: done
