// Ten bytes requested, sixteen handed out: the requested part ends inside the array's last granule, so only
// the partial-granule encoding marks the overflow (no poisoned granule follows it inside the array).
using System;
using System.Buffers;

static class Program
{
    static void Main()
    {
        byte[] b = ArrayPool<byte>.Shared.Rent(10);
        int s = 0;
        for (int i = 0; i < 16; i++) s += b[i] >= 0 ? 1 : 0;
        Console.WriteLine($"s={s}");
    }
}
// CHECK: ERROR: AddressSanitizer: pool-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolOverflowLastGranule.cs:[[@LINE-6]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes after the requested 10 bytes of 16-byte pooled array {{.*}} (byte[16], 10 requested)
// CHECK: SUMMARY: AddressSanitizer: pool-buffer-overflow {{.*}}PoolOverflowLastGranule.cs:[[@LINE-8]] in Program.Main()
// CHECK-NOT: s=
