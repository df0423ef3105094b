// p->Y on the element just past an array of two structs: a 4-byte field store 4 bytes past the end.
using System;
using System.Runtime.InteropServices;

struct Point { public int X; public int Y; }

static unsafe class Program
{
    static void Main()
    {
        Point* points = (Point*)NativeMemory.Alloc((nuint)(2 * sizeof(Point)));
        points[0].X = 1;
        points[1].Y = 2;
        Point* p = points + 2;
        p->Y = 3;
        Console.WriteLine("unreachable");
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructFieldOverflow.cs:[[@LINE-6]]
// CHECK-NEXT: is located 4 bytes to the right of 16-byte region
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructFieldOverflow.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}StructFieldOverflow.cs:[[@LINE-9]] in Program.Main()
// CHECK-NOT: unreachable
