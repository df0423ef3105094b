// A null native pointer dereference still raises NullReferenceException that the program can catch.
using System;

static unsafe class Program
{
    static int Read(int* p)
    {
        return *p;
    }

    static void Main()
    {
        int caught = 0;
        for (int i = 0; i < 3; i++)
        {
            try { Console.WriteLine(Read(null)); }
            catch (NullReferenceException) { caught++; }
        }
        Console.WriteLine($"caught={caught}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: caught=3
// CHECK-NOT: ERROR:
