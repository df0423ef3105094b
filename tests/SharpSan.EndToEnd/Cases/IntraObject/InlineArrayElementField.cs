// A field of a struct element reached with Unsafe.Add one element past an [InlineArray(4)] of points: the 2-byte
// store lands in the struct's next field — intra-object-overflow, at the field's own address and size.
using System;
using System.Runtime.CompilerServices;

namespace Demo;

struct Point { public short X; public short Y; }

[InlineArray(4)]
struct Corners { Point _element0; }

struct Shape
{
    public Corners Corners;
    public int Color;
}

static class Program
{
    static void Lift(ref Shape shape, int count)
    {
        for (int i = 0; i < count; i++) Unsafe.Add(ref shape.Corners[0], i).Y = 1;
    }

    static void Main()
    {
        var shape = new Shape { Color = 0x00ff00 };
        Lift(ref shape, 4);
        Console.WriteLine($"color {shape.Color:x6}");
        Lift(ref shape, 5);
        Console.WriteLine("not reached");
    }
}
// CHECK: color 00ff00
// CHECK: ERROR: AddressSanitizer: intra-object-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 2 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Demo.Program.Lift(ref Demo.Shape, int) {{.*}}InlineArrayElementField.cs:[[@LINE-15]]
// CHECK: [[ADDR]] is located 2 bytes to the right of 16-byte inline array 'Demo.Shape.Corners'
// CHECK-NEXT: inside 20-byte struct 'Demo.Shape'
// CHECK-NOT: not reached
