// A block referenced from the main thread's [ThreadStatic] field at exit is still reachable.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    [ThreadStatic] static byte* t_scratch;

    static void Main()
    {
        t_scratch = (byte*)NativeMemory.Alloc(256);
        t_scratch[0] = 1;
        Console.WriteLine("scratch ready");
    }
}
// CHECK-NOT: ERROR:
// CHECK: scratch ready
// CHECK-NOT: ERROR:
// CHECK-NOT: leak
