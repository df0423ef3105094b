// A pointer taken with `fixed` while the array was rented, used after the array went back to the pool.
using System;
using System.Buffers;

static unsafe class Program
{
    static void Main()
    {
        int[] buffer = ArrayPool<int>.Shared.Rent(32);
        fixed (int* p = buffer)
        {
            p[1] = 10;
            ArrayPool<int>.Shared.Return(buffer);
            Console.WriteLine("returned");
            p[2] = 20;
        }
    }
}
// CHECK: returned
// CHECK: ERROR: AddressSanitizer: pool-use-after-return on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolUseAfterReturnThroughPointer.cs:[[@LINE-7]]
// CHECK-NEXT: [[ADDR]] is located 8 bytes inside of 128-byte pooled array {{.*}} (int[32], 32 requested)
// CHECK-NEXT: returned to the pool by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Return(T[], bool)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolUseAfterReturnThroughPointer.cs:[[@LINE-13]]
// CHECK: SUMMARY: AddressSanitizer: pool-use-after-return {{.*}}PoolUseAfterReturnThroughPointer.cs:[[@LINE-12]] in Program.Main()
