using System;
using System.Runtime.InteropServices;

struct Point
{
    public int X;
    public int Y;
}

// A struct copied from native memory into a class field keeps its bytes' shadow in the field: storing it and reading
// it back is no report; branching on one of its parts later, in another method, is (at the branch).
unsafe class Shape
{
    Point _origin;

    public void Load(Point* raw) => _origin = *raw;

    public void Describe()
    {
        if (_origin.Y == 3) Console.WriteLine("y three");
        if (_origin.X > 0)
            Console.WriteLine("right");
    }
}

unsafe class Program
{
    static void Main()
    {
        var raw = (Point*)NativeMemory.Alloc((nuint)sizeof(Point));
        raw->Y = 3;
        var shape = new Shape();
        shape.Load(raw);
        Console.WriteLine("stored");
        shape.Describe();
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// CHECK: stored
// CHECK: y three
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Shape.Describe() {{.*}}StructFieldOfClassUndefinedBranch.cs:[[@LINE-23]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructFieldOfClassUndefinedBranch.cs:[[@LINE-10]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StructFieldOfClassUndefinedBranch.cs:[[@LINE-18]]
// CHECK-NOT: done
