// An off-by-one against the requested length: the pool rounds 100 up to 128, so without SharpSan the extra
// write lands in the slack and nothing ever fails. The loop bound is the caller's count, not array.Length.
using System;
using System.Buffers;

static class Program
{
    static void Terminate(byte[] data, int count)
    {
        for (int i = 0; i <= count; i++) data[i] = 0;
    }

    static void Main()
    {
        byte[] data = ArrayPool<byte>.Shared.Rent(100);
        Terminate(data, 100);
        ArrayPool<byte>.Shared.Return(data);
    }
}
// CHECK: ERROR: AddressSanitizer: pool-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Terminate(byte[], int) {{.*}}PoolOverflowOffByOne.cs:[[@LINE-12]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolOverflowOffByOne.cs:[[@LINE-7]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes after the requested 100 bytes of 128-byte pooled array {{.*}} (byte[128], 100 requested)
// CHECK-NEXT: rented by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Rent(int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolOverflowOffByOne.cs:[[@LINE-12]]
// CHECK: Container overflow:      fc
// CHECK: SUMMARY: AddressSanitizer: pool-buffer-overflow {{.*}}PoolOverflowOffByOne.cs:[[@LINE-19]] in Program.Terminate(byte[], int)
