// stackalloc inside loops and in recursive methods, walked to exactly their last byte: no report, and the
// results are what the arithmetic says.
using System;

static unsafe class Program
{
    static int Loop()
    {
        int sum = 0;
        for (int k = 0; k < 2000; k++)
        {
            byte* b = stackalloc byte[32];
            for (int i = 0; i < 32; i++) b[i] = (byte)(k + i);
            sum += b[31] + b[0];
        }
        return sum;
    }

    static int Recurse(int depth)
    {
        int* frame = stackalloc int[8];
        for (int i = 0; i < 8; i++) frame[i] = depth;
        return depth == 0 ? frame[7] : Recurse(depth - 1) + frame[7];
    }

    static void Main()
    {
        Console.WriteLine($"loop {Loop()}");
        Console.WriteLine($"recurse {Recurse(200)}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: loop 506464
// CHECK: recurse 20100
// CHECK-NOT: ERROR:
