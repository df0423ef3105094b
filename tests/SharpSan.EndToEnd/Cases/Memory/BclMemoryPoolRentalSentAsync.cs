using System;
using System.Buffers;
using System.IO;

// MemoryPool<T>.Shared rentals are undefined: half read from the source, the whole rental handed to WriteAsync.
class Program
{
    static void Main()
    {
        var source = new MemoryStream(new byte[] { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 9, 8, 7, 6, 5, 4 });
        var wire = new MemoryStream();
        using IMemoryOwner<byte> owner = MemoryPool<byte>.Shared.Rent(32);
        Memory<byte> frame = owner.Memory.Slice(0, 32);
        int read = source.ReadAsync(frame.Slice(0, 16)).AsTask().GetAwaiter().GetResult();
        wire.WriteAsync(frame).AsTask().GetAwaiter().GetResult();
        Console.WriteLine($"read {read} sent {wire.Length}");
    }
}

// SANITIZE: memory
// CHECK: Uninitialized bytes in System.IO.Stream.WriteAsync(ReadOnlyMemory<byte>, CancellationToken) at offset 16 inside [0, 32)
// CHECK-NEXT: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 {{.*}} in System.IO.Stream.WriteAsync(ReadOnlyMemory<byte>, CancellationToken)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclMemoryPoolRentalSentAsync.cs:[[@LINE-9]]
// CHECK: Uninitialized value was created by an array rented from MemoryPool<byte>.Shared.Rent(32)
// CHECK-NEXT: #0 {{.*}} in System.Buffers.MemoryPool<byte>.Rent(int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclMemoryPoolRentalSentAsync.cs:[[@LINE-15]]
// CHECK-NOT: sent
