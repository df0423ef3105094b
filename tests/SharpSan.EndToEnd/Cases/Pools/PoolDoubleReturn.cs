// The same array returned twice from two methods: both Return stacks and the Rent stack.
using System;
using System.Buffers;

static class Program
{
    static void Cleanup(char[] buffer) => ArrayPool<char>.Shared.Return(buffer);

    static void Main()
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(100);
        ArrayPool<char>.Shared.Return(buffer);
        Console.WriteLine("returned once");
        Cleanup(buffer);
        Console.WriteLine("unreachable");
    }
}
// CHECK: returned once
// CHECK: ERROR: AddressSanitizer: attempting pool-double-return of pooled array [[ADDR:0x[0-9a-f]+]] (char[128], 100 requested) in thread T0:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Return(T[], bool)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Cleanup(char[]) {{.*}}PoolDoubleReturn.cs:[[@LINE-14]]
// CHECK-NEXT: #2 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolDoubleReturn.cs:[[@LINE-8]]
// CHECK: [[ADDR]] is located 0 bytes inside of 256-byte pooled array
// CHECK-NEXT: returned to the pool by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Return(T[], bool)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolDoubleReturn.cs:[[@LINE-14]]
// CHECK: previously rented by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Rent(int)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolDoubleReturn.cs:[[@LINE-18]]
// CHECK: SUMMARY: AddressSanitizer: pool-double-return {{.*}}PoolDoubleReturn.cs:[[@LINE-23]] in Program.Cleanup(char[])
// CHECK-NOT: unreachable
