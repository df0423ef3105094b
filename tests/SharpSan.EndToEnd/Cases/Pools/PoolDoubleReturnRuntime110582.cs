// dotnet/runtime #110582, minimal snippet: after a double Return two Rents hand out the same array. SharpSan
// reports the second Return and ignores it (halt_on_error=0 lets the program show b and c now differ).
using System;
using System.Buffers;

static class Program
{
    static void Main()
    {
        var pool = ArrayPool<byte>.Shared;
        var a = pool.Rent(16);
        pool.Return(a);
        pool.Return(a);
        var b = pool.Rent(16);
        var c = pool.Rent(16);
        Console.WriteLine($"b and c are the same array: {ReferenceEquals(b, c)}");
    }
}
// ENV: SHARPSAN_OPTIONS=halt_on_error=0
// CHECK: ERROR: AddressSanitizer: attempting pool-double-return of pooled array {{0x[0-9a-f]+}} (byte[16], 16 requested) in thread T0:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Return(T[], bool)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolDoubleReturnRuntime110582.cs:[[@LINE-9]]
// CHECK: returned to the pool by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Return(T[], bool)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolDoubleReturnRuntime110582.cs:[[@LINE-13]]
// CHECK: SUMMARY: AddressSanitizer: pool-double-return {{.*}}PoolDoubleReturnRuntime110582.cs:[[@LINE-13]] in Program.Main()
// CHECK: b and c are the same array: False
// EXIT: 1
