// Exceptions and pins that must stay silent: an exception caught inside the same method while the `fixed` block is
// still running keeps the pin (the pointer stays valid until the block ends); an exception that leaves the method
// ends the pin, after which the caller uses the array through managed code and through a new `fixed` block.
using System;

static unsafe class Program
{
    static void Fail() => throw new InvalidOperationException("bad input");

    static int SumCatchingInside(int[] values)
    {
        int sum = 0;
        fixed (int* p = values)
        {
            try { Fail(); }
            catch (InvalidOperationException) { sum += p[1]; }
            sum += p[2];
        }
        return sum;
    }

    static void FailWhilePinned(int[] values)
    {
        fixed (int* p = values)
        {
            p[0] = 7;
            Fail();
        }
    }

    static void Main()
    {
        var values = new[] { 1, 2, 3, 4 };
        Console.WriteLine(SumCatchingInside(values));
        try { FailWhilePinned(values); }
        catch (InvalidOperationException e) { Console.WriteLine("caught " + e.Message); }
        values[3] = 9;
        fixed (int* again = values) Console.WriteLine(again[0] + again[3]);
    }
}
// CHECK-NOT: ERROR:
// CHECK: 5
// CHECK: caught bad input
// CHECK: 16
// CHECK-NOT: ERROR:
