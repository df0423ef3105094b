// A backward loop adding into one row of a matrix in a rented array, m[row * cols + j] += v (an ldelema read then
// written through), is versioned with the row's offset in its range check. Row 2 of 3 requested rows runs the
// unchecked copy; row 3 lies past the 12 ints requested, and counting down the checked original reports the first
// element it touches, m[15], a 4-byte read 12 bytes after the requested ones, at the loop's line.
using System;
using System.Buffers;

static class Program
{
    static void AddToRow(int[] m, int row, int cols, int v)
    {
        for (int j = cols - 1; j >= 0; j--)
            m[row * cols + j] += v;
    }

    static void Main()
    {
        int[] m = ArrayPool<int>.Shared.Rent(12);
        for (int i = 0; i < 12; i++) m[i] = i;
        AddToRow(m, 2, 4, 100);
        Console.WriteLine($"row {m[8]} {m[11]} {m[7]}");
        AddToRow(m, 3, 4, 100);
        Console.WriteLine("not reached");
    }
}
// CHECK: row 108 111 7
// CHECK: ERROR: AddressSanitizer: pool-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.AddToRow(int[], int, int, int) {{.*}}VersionedPoolRowBackwardOverflow.cs:[[@LINE-16]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}VersionedPoolRowBackwardOverflow.cs:[[@LINE-8]]
// CHECK-NEXT: [[ADDR]] is located 12 bytes after the requested 48 bytes of {{.*}} (int[16], 12 requested)
// CHECK: SUMMARY: AddressSanitizer: pool-buffer-overflow {{.*}}VersionedPoolRowBackwardOverflow.cs:[[@LINE-19]] in Program.AddToRow(int[], int, int, int)
// CHECK-NOT: not reached
// OPTIMIZE: true
