// A stale reference writes into a returned int buffer with a compound assignment (ldelema): reported as
// the read that comes first, then the plain store on the next line is never reached.
using System;
using System.Buffers;

static class Program
{
    static int[] s_cache = Array.Empty<int>();

    static void Main()
    {
        int[] counts = ArrayPool<int>.Shared.Rent(8);
        s_cache = counts;
        counts[0] = 1;
        ArrayPool<int>.Shared.Return(counts);
        s_cache[2] += 5;
        s_cache[3] = 9;
        Console.WriteLine("unreachable");
    }
}
// CHECK: ERROR: AddressSanitizer: pool-use-after-return on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolUseAfterReturnWrite.cs:[[@LINE-7]]
// CHECK-NEXT: [[ADDR]] is located 8 bytes inside of 64-byte pooled array {{.*}} (int[16], 8 requested)
// CHECK-NEXT: returned to the pool by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Return(T[], bool)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolUseAfterReturnWrite.cs:[[@LINE-12]]
// CHECK: previously rented by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Rent(int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolUseAfterReturnWrite.cs:[[@LINE-18]]
// CHECK: SUMMARY: AddressSanitizer: pool-use-after-return {{.*}}PoolUseAfterReturnWrite.cs:[[@LINE-15]] in Program.Main()
// CHECK-NOT: unreachable
