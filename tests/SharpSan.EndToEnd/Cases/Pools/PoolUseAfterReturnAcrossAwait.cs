// An async method returns its buffer in one continuation and reads it in the next (on a pool thread).
using System;
using System.Buffers;
using System.Threading.Tasks;

static class Program
{
    static long Peek(long[] values)
    {
        return values[3];
    }

    static async Task<long> RunAsync()
    {
        long[] values = ArrayPool<long>.Shared.Rent(8);
        values[3] = 42;
        await Task.Delay(1);
        ArrayPool<long>.Shared.Return(values);
        await Task.Delay(1);
        return Peek(values);
    }

    static void Main() => Console.WriteLine(RunAsync().GetAwaiter().GetResult());
}
// CHECK: ERROR: AddressSanitizer: pool-use-after-return on address
// CHECK-NEXT: READ of size 8 at {{0x[0-9a-f]+}} thread T{{[0-9]+}}
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Peek(long[]) {{.*}}PoolUseAfterReturnAcrossAwait.cs:[[@LINE-17]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.<RunAsync>d__1.MoveNext() {{.*}}PoolUseAfterReturnAcrossAwait.cs:[[@LINE-8]]
// CHECK: is located 24 bytes inside of 128-byte pooled array
// CHECK-NEXT: returned to the pool by thread T{{[0-9]+}} here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Return(T[], bool)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.<RunAsync>d__1.MoveNext() {{.*}}PoolUseAfterReturnAcrossAwait.cs:[[@LINE-14]]
// CHECK: previously rented by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Rent(int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.<RunAsync>d__1.MoveNext() {{.*}}PoolUseAfterReturnAcrossAwait.cs:[[@LINE-20]]
// CHECK: SUMMARY: AddressSanitizer: pool-use-after-return {{.*}}PoolUseAfterReturnAcrossAwait.cs:[[@LINE-26]] in Program.Peek(long[])
