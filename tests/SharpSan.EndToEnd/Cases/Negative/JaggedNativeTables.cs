// A jagged table built from native blocks (int** of rows of different lengths), walked row by row.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        const int rows = 20;
        int** table = (int**)NativeMemory.Alloc((nuint)(rows * sizeof(int*)));
        for (int r = 0; r < rows; r++)
        {
            table[r] = (int*)NativeMemory.Alloc((nuint)((r + 1) * sizeof(int)));
            for (int c = 0; c <= r; c++) table[r][c] = 1;
        }
        long sum = 0;
        for (int r = 0; r < rows; r++)
        {
            int* row = table[r];
            for (int c = 0; c <= r; c++) sum += row[c];
            NativeMemory.Free(row);
        }
        NativeMemory.Free(table);
        Console.WriteLine($"cells={sum}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: cells=210
// CHECK-NOT: ERROR:
