// A pooled buffer read after it went back to ArrayPool<byte>.Shared: the Return and Rent stacks.
using System;
using System.Buffers;

static class Program
{
    static byte[] Fill(int n)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(n);
        for (int i = 0; i < n; i++) buffer[i] = (byte)i;
        return buffer;
    }

    static void Release(byte[] buffer) => ArrayPool<byte>.Shared.Return(buffer);

    static void Main()
    {
        byte[] buffer = Fill(20);
        Release(buffer);
        Console.WriteLine("returned");
        Console.WriteLine(buffer[5]);
    }
}
// CHECK: returned
// CHECK: ERROR: AddressSanitizer: pool-use-after-return on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolUseAfterReturnRead.cs:[[@LINE-6]]
// CHECK-NEXT: [[ADDR]] is located 5 bytes inside of 32-byte pooled array {{.*}} (byte[32], 20 requested)
// CHECK-NEXT: returned to the pool by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Return(T[], bool)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Release(byte[]) {{.*}}PoolUseAfterReturnRead.cs:[[@LINE-17]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolUseAfterReturnRead.cs:[[@LINE-13]]
// CHECK: previously rented by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Rent(int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Fill(int) {{.*}}PoolUseAfterReturnRead.cs:[[@LINE-26]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolUseAfterReturnRead.cs:[[@LINE-18]]
// CHECK: Returned to pool:        fb
// CHECK: SUMMARY: AddressSanitizer: pool-use-after-return {{.*}}PoolUseAfterReturnRead.cs:[[@LINE-17]] in Program.Main()
