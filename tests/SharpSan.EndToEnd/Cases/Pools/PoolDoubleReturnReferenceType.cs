// Pools of reference types are not shadowed (their arrays hold GC references) but double returns are still
// caught; here through a pool made by ArrayPool<T>.Create(max, perBucket).
using System;
using System.Buffers;

static class Program
{
    static void Main()
    {
        var pool = ArrayPool<string>.Create(1024, 4);
        string[] names = pool.Rent(5);
        names[0] = "a";
        pool.Return(names, clearArray: true);
        pool.Return(names);
    }
}
// CHECK: ERROR: AddressSanitizer: attempting pool-double-return of pooled array (string[16], 5 requested) in thread T0:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Return(T[], bool)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolDoubleReturnReferenceType.cs:[[@LINE-5]]
// CHECK: returned to the pool by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Buffers.ArrayPool<T>.Return(T[], bool)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolDoubleReturnReferenceType.cs:[[@LINE-9]]
// CHECK: SUMMARY: AddressSanitizer: pool-double-return {{.*}}PoolDoubleReturnReferenceType.cs:[[@LINE-9]] in Program.Main()
