// A struct read through an `in` parameter that refers to the element just past a native array.
using System;
using System.Runtime.InteropServices;

struct Point { public int X; public int Y; }

static unsafe class Program
{
    static int Weight(in Point p)
    {
        return p.X + 2 * p.Y;
    }

    static void Main()
    {
        Point* pts = (Point*)NativeMemory.AllocZeroed((nuint)(2 * sizeof(Point)));
        int total = 0;
        for (int i = 0; i <= 2; i++)
            total += Weight(in pts[i]);
        Console.WriteLine(total);
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Weight({{in|ref}} Point) {{.*}}OverflowThroughInParameter.cs:[[@LINE-14]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowThroughInParameter.cs:[[@LINE-7]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}OverflowThroughInParameter.cs:[[@LINE-17]] in Program.Weight({{in|ref}} Point)
