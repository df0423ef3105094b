// A span over a rented array sized by an assumption about the pool's bucket (16) rather than by the request:
// writing past the requested 10 elements through it (in checked code) is a pool-buffer-overflow, on an
// ArrayPool<T>.Create() pool.
using System;
using System.Buffers;

struct Pixel { public byte R, G, B, A; }

static class Program
{
    static void Main()
    {
        var pool = ArrayPool<Pixel>.Create();
        Pixel[] row = pool.Rent(10);
        Span<Pixel> span = row.AsSpan(0, 16);
        for (int i = 0; i < span.Length; i++) span[i].A = 255;
        pool.Return(row);
    }
}
// CHECK: ERROR: AddressSanitizer: pool-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolOverflowThroughSpan.cs:[[@LINE-6]]
// CHECK-NEXT: [[ADDR]] is located 3 bytes after the requested 40 bytes of 64-byte pooled array {{.*}} (Pixel[16], 10 requested)
// CHECK: SUMMARY: AddressSanitizer: pool-buffer-overflow {{.*}}PoolOverflowThroughSpan.cs:[[@LINE-8]] in Program.Main()
