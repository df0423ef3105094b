using System;
using System.Runtime.InteropServices;
using System.Threading;

struct Point
{
    public int X;
    public int Y;
}

// The negative twin of StructFieldOfClassUndefinedBranch: a struct field of a class filled from fully written memory,
// a part overwritten with a defined value before the branch, the field overwritten whole, and a field with a part whose
// address is handed to a call (Interlocked: a write through an address SharpSan does not follow, so that field gets
// no shadow at all) — none is a report.
unsafe class Shape
{
    Point _origin;
    Point _corner;
    Point _last;

    public void Load(Point* full, Point* partial)
    {
        _origin = *full;
        _corner = *partial;
        _last = *partial;
    }

    public void Fix()
    {
        _corner.X = 1;
        _corner.Y += 1;
        _last = new Point { X = 2, Y = 3 };
        Interlocked.Exchange(ref _origin.Y, 9);
    }

    public void Describe()
    {
        if (_origin.X == 5) Console.WriteLine("origin x five");
        if (_origin.Y == 9) Console.WriteLine("origin y nine");
        if (_corner.X == 1) Console.WriteLine("corner fixed");
        if (_corner.Y == 8) Console.WriteLine("corner moved");
        if (_last.Y == 3) Console.WriteLine("last replaced");
    }
}

unsafe class Program
{
    static void Main()
    {
        var full = (Point*)NativeMemory.Alloc((nuint)sizeof(Point));
        full->X = 5;
        full->Y = 6;
        var partial = (Point*)NativeMemory.Alloc((nuint)sizeof(Point));
        partial->Y = 7;
        var shape = new Shape();
        shape.Load(full, partial);
        shape.Fix();
        shape.Describe();
        NativeMemory.Free(full);
        NativeMemory.Free(partial);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: origin x five
// CHECK: origin y nine
// CHECK: corner fixed
// CHECK: corner moved
// CHECK: last replaced
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
