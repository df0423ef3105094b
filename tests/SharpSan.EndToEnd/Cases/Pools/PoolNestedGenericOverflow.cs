// The twin of PoolNestedGenericNegative: the row count is taken from the request, not from Length, and is off by one.
using System;
using System.Buffers;

struct Pair<A, B> { public A First; public B Second; }

sealed class Table<TKey> where TKey : struct
{
    public struct Row<TValue> { public TKey Key; public Pair<TValue, int> Cell; }

    public const int Requested = 3;
    public Row<long>[] Rows = ArrayPool<Row<long>>.Shared.Rent(Requested);
}

static class Program
{
    static void Main()
    {
        var table = new Table<int>();
        for (int i = 0; i <= Table<int>.Requested; i++) table.Rows[i].Cell.Second = i;
    }
}
// CHECK: ERROR: AddressSanitizer: pool-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 24 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolNestedGenericOverflow.cs:[[@LINE-5]]
// CHECK: (Table<int>.Row<long>[16], 3 requested)
// CHECK: SUMMARY: AddressSanitizer: pool-buffer-overflow {{.*}}PoolNestedGenericOverflow.cs:[[@LINE-7]] in Program.Main()
