using System;
using System.Buffers;
using System.Text;

// Decoding consumes every byte: a rented buffer decoded past the part that was written sends stale bytes into a string.
class Program
{
    static void Main()
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(16);
        buffer[0] = (byte)'o';
        buffer[1] = (byte)'k';
        buffer[2] = (byte)'!';
        string text = Encoding.ASCII.GetString(buffer, 0, 8);
        Console.WriteLine($"decoded {text.Length}");
    }
}

// SANITIZE: memory
// CHECK: Uninitialized bytes in System.Text.Encoding.GetString(byte[], int, int) at offset 3 inside [0, 8)
// CHECK-NEXT: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 {{.*}} in System.Text.Encoding.GetString(byte[], int, int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclGetStringOfStaleRented.cs:[[@LINE-9]]
// CHECK: Uninitialized value was created by an array rented from ArrayPool<byte>.Shared.Rent(16)
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}BclGetStringOfStaleRented.cs:[[@LINE-11]] in Program.Main()
// CHECK-NOT: decoded
