// Arrays of arrays: rows rented from ArrayPool<int>, kept in a jagged array (itself rented from
// ArrayPool<int[]>), each row used up to its own Length read through the outer array, a ref to it, or a span.
using System;
using System.Buffers;

static class Program
{
    static void FillRow(ref int[] row)
    {
        for (int j = 0; j < row.Length; j++) row[j] = 1;
    }

    static void Main()
    {
        int[][] rows = ArrayPool<int[]>.Shared.Rent(4);
        for (int r = 0; r < 4; r++) rows[r] = ArrayPool<int>.Shared.Rent(5 + r);
        long total = 0;
        for (int r = 0; r < 4; r++)
        {
            for (int j = 0; j < rows[r].Length; j++) rows[r][j] = 2;
            FillRow(ref rows[r]);
            foreach (int v in rows[r].AsSpan()) total += v;
        }
        for (int r = 0; r < 4; r++) ArrayPool<int>.Shared.Return(rows[r]);
        ArrayPool<int[]>.Shared.Return(rows, clearArray: true);
        Console.WriteLine($"total={total}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total=64
// CHECK-NOT: ERROR:
