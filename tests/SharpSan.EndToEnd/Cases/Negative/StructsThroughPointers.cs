// Field access (p->X), whole-struct stores (*p = s) and loads (s = *p), and arrays of structs, all in bounds.
using System;
using System.Runtime.InteropServices;

struct Point { public int X; public int Y; }
struct Segment { public Point A; public Point B; public double Length; }

static unsafe class Program
{
    static void Main()
    {
        Segment* segs = (Segment*)NativeMemory.Alloc((nuint)(3 * sizeof(Segment)));
        for (int k = 0; k < 3; k++)
        {
            Segment* s = segs + k;
            s->A.X = k; s->A.Y = k + 1;
            s->B = new Point { X = 10 * k, Y = 10 * k + 1 };
            s->Length = k * 1.5;
        }
        Segment last = segs[2];
        segs[0] = last;
        Point* pts = &segs[1].B;
        Point copy = *pts;
        *pts = new Point { X = copy.Y, Y = copy.X };
        Console.WriteLine($"{segs[0].B.X} {segs[1].B.X} {segs[1].B.Y} {segs[2].Length}");
        NativeMemory.Free(segs);
    }
}
// CHECK-NOT: ERROR:
// CHECK: 20 11 10 3
// CHECK-NOT: ERROR:
