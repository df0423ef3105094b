// Loop versioning: the inner loop over one row is versioned, its range check runs on every entry. Rows 0–2 lie inside
// the 48-int matrix and run the unchecked copy; row 3 reads 4 ints past it, its range check fails and the checked
// original reports the first bad element exactly: m[48], a 4-byte read 0 bytes right of the block, at the inner line.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static long SumRows(int* m, int rows, int cols)
    {
        long s = 0;
        for (int r = 0; r < rows; r++)
        {
            int* row = m + r * 12;
            for (int j = 0; j < cols; j++)
                s += row[j];
        }
        return s;
    }

    static void Main()
    {
        int* m = (int*)NativeMemory.Alloc(48 * sizeof(int));
        for (int i = 0; i < 48; i++) m[i] = i;
        Console.WriteLine($"sum {SumRows(m, 4, 12)}");
        Console.WriteLine($"first bad 0x{(nuint)(m + 48):x}");
        Console.WriteLine($"sum {SumRows(m, 4, 16)}");
        Console.WriteLine("not reached");
    }
}
// CHECK: sum 1128
// CHECK-NEXT: first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.SumRows(int*, int, int) {{.*}}VersionedNestedRowsOverflow.cs:[[@LINE-19]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}VersionedNestedRowsOverflow.cs:[[@LINE-9]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of 192-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}VersionedNestedRowsOverflow.cs:[[@LINE-22]] in Program.SumRows(int*, int, int)
// CHECK-NOT: not reached
// OPTIMIZE: true
