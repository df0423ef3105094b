using System;
using System.Buffers;
using System.IO;

// A MemoryStream over a rented array carries the array's shadow: ToArray's copy is stale where the array was.
class Program
{
    static void Main()
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(16);
        for (int i = 0; i < 4; i++) rented[i] = (byte)i;
        var stream = new MemoryStream(rented, 0, 16);
        byte[] copy = stream.ToArray();
        int marks = 0;
        if (copy[9] == 0xFF) marks++;
        Console.WriteLine($"marks {marks}");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclMemoryStreamToArrayStale.cs:[[@LINE-7]]
// CHECK: Uninitialized value was created by an array rented from ArrayPool<byte>.Shared.Rent(16)
// CHECK-NEXT: #0 {{.*}} in System.Buffers.ArrayPool<byte>.Rent(int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclMemoryStreamToArrayStale.cs:[[@LINE-15]]
// CHECK-NOT: marks
