// IMemoryOwner<T> from MemoryPool<T>.Shared: its Memory kept past Dispose and read through a span.
using System;
using System.Buffers;

static class Program
{
    static Memory<byte> s_cached;

    static void Produce()
    {
        using IMemoryOwner<byte> owner = MemoryPool<byte>.Shared.Rent(64);
        s_cached = owner.Memory;
        s_cached.Span[7] = 42;
    }

    static void Main()
    {
        Produce();
        Console.WriteLine("disposed");
        Console.WriteLine(s_cached.Span[7]);
    }
}
// CHECK: disposed
// CHECK: ERROR: AddressSanitizer: pool-use-after-return on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolMemoryOwnerUseAfterDispose.cs:[[@LINE-6]]
// CHECK-NEXT: [[ADDR]] is located 7 bytes inside of 64-byte pooled array {{.*}} (byte[64], 64 requested)
// CHECK-NEXT: returned to the pool by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.IMemoryOwner<T>.Dispose()
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Produce() {{.*}}PoolMemoryOwnerUseAfterDispose.cs:
// CHECK: previously rented by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.MemoryPool<T>.Rent(int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Produce() {{.*}}PoolMemoryOwnerUseAfterDispose.cs:[[@LINE-22]]
// CHECK: SUMMARY: AddressSanitizer: pool-use-after-return {{.*}}PoolMemoryOwnerUseAfterDispose.cs:[[@LINE-14]] in Program.Main()
