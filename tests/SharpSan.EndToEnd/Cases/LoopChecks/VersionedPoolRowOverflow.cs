// A loop over one row of a matrix in a rented array, m[r * cols + j], is versioned with the row's offset (r * cols,
// the same in every iteration) in its range check. Rows 0–2 lie inside the 12 doubles requested and run the unchecked
// copy; row 3 starts right after them, its range check fails and the checked original reports its first element,
// m[12], an 8-byte read 0 bytes after the requested ones, at the inner loop's line.
using System;
using System.Buffers;

static class Program
{
    static double SumRows(double[] m, int rows, int cols)
    {
        double s = 0;
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < cols; j++)
                s += m[r * cols + j];
        return s;
    }

    static void Main()
    {
        double[] m = ArrayPool<double>.Shared.Rent(12);
        for (int i = 0; i < 12; i++) m[i] = i;
        Console.WriteLine($"sum {SumRows(m, 3, 4)}");
        Console.WriteLine(SumRows(m, 4, 4));
        Console.WriteLine("not reached");
    }
}
// CHECK: sum 66
// CHECK: ERROR: AddressSanitizer: pool-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 8 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.SumRows(double[], int, int) {{.*}}VersionedPoolRowOverflow.cs:[[@LINE-16]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}VersionedPoolRowOverflow.cs:[[@LINE-8]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes after the requested 96 bytes of {{.*}} (double[16], 12 requested)
// CHECK: SUMMARY: AddressSanitizer: pool-buffer-overflow {{.*}}VersionedPoolRowOverflow.cs:[[@LINE-19]] in Program.SumRows(double[], int, int)
// CHECK-NOT: not reached
// OPTIMIZE: true
