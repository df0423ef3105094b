// A loop over one row of a rented matrix, a[r * cols + j]: the range check covers the row, [r*cols, r*cols + n),
// shifted by the loop-invariant r * cols. Rows inside the 40 doubles requested run the unchecked copy; the last row
// reads past them, its range check fails and the checked original reports the first bad element, a[40], at the row
// loop's line.
using System;
using System.Buffers;

static class Program
{
    static double SumRows(double[] a, int rows, int cols, int n)
    {
        double s = 0;
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < n; j++)
                s += a[r * cols + j];
        return s;
    }

    static void Main()
    {
        double[] a = ArrayPool<double>.Shared.Rent(40);
        for (int i = 0; i < 40; i++) a[i] = 1;
        Console.WriteLine($"sum {SumRows(a, 4, 10, 10)}");
        Console.WriteLine(SumRows(a, 4, 10, 11));
        Console.WriteLine("not reached");
    }
}
// CHECK: sum 40
// CHECK: ERROR: AddressSanitizer: pool-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 8 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.SumRows(double[], int, int, int) {{.*}}VersionedPoolRowOffsetOverflow.cs:[[@LINE-16]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}VersionedPoolRowOffsetOverflow.cs:[[@LINE-8]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes after the requested 320 bytes of 512-byte pooled array {{.*}} (double[64], 40 requested)
// CHECK: SUMMARY: AddressSanitizer: pool-buffer-overflow {{.*}}VersionedPoolRowOffsetOverflow.cs:[[@LINE-19]] in Program.SumRows(double[], int, int, int)
// CHECK-NOT: not reached
// OPTIMIZE: true
