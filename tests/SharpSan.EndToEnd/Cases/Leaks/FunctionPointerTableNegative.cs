// The same dispatch table without a leak: the exit-time scan reads it and stays silent (no lost check, no warning).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static readonly delegate*<int, int>[] s_dispatch = { &Twice, &Square };
    static byte* s_kept;
    static int Twice(int x) => 2 * x;
    static int Square(int x) => x * x;

    static void Main()
    {
        s_kept = (byte*)NativeMemory.Alloc(40);
        s_kept[0] = (byte)s_dispatch[0](3);
        Console.WriteLine($"dispatched {s_kept[0]}");
    }
}
// CHECK-NOT: ERROR:
// CHECK-NOT: WARNING
// CHECK: dispatched 6
// CHECK-NOT: ERROR:
// CHECK-NOT: WARNING
// CHECK-NOT: leak
