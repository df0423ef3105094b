// Unaligned loads and stores that straddle 8-byte granules but stay inside a 19-byte block.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.AllocZeroed(19);
        *(long*)(p + 1) = 0x0102030405060708;
        *(long*)(p + 11) = 1;
        *(int*)(p + 15) += 2;
        *(short*)(p + 17) += 3;
        long a = *(long*)(p + 5);
        int b = *(int*)(p + 7);
        Console.WriteLine($"a={a:x} b={b:x} end={p[18]}");
        NativeMemory.Free(p);
    }
}
// CHECK-NOT: ERROR:
// CHECK: a={{[0-9a-f]+}} b={{[0-9a-f]+}} end=0
// CHECK-NOT: ERROR:
