// Field initializers, a base constructor and a `this(…)` chain all write the new object's fields before it is
// published; none of them lets `this` escape. The reader's loads through the published reference race with nothing.
using System;
using System.Threading;
using SharpSan.Annotations;

namespace Demo;

abstract class Shape
{
    protected string _name = "shape";
    public int Sides;

    protected Shape(int sides)
    {
        Sides = sides;
        if (sides > 3) _name = "polygon";
    }

    public string Name => _name;
}

sealed class Square : Shape
{
    public double Side = 1.0;
    public double[] Corners;

    public Square(double side) : this()
    {
        Side = side;
        Corners = new double[8];
        for (int i = 0; i < Corners.Length; i += 2) Corners[i] = side;
    }

    Square() : base(4) { _name = "square"; }
}

static class Program
{
    [BenignRace("publication slot: the reference store publishes the object")]
    static Shape s_shape;

    static void Main()
    {
        var barrier = new RaceTestBarrier(2);
        var worker = new Thread(() =>
        {
            s_shape = new Square(2.5);
            barrier.Wait();
        });
        worker.Start();
        barrier.Wait();
        var s = (Square)s_shape;
        Console.WriteLine($"{s.Name} {s.Sides} {s.Side} {s.Corners[6]} {s.Corners[7]}");
        worker.Join();
    }
}
// SANITIZE: thread
// CHECK-NOT: ThreadSanitizer
// CHECK: square 4 2.5 2.5 0
// CHECK-NOT: ThreadSanitizer
