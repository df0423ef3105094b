// AlignedAlloc honours 64- and 4096-byte alignment, AlignedRealloc keeps alignment and contents, and the
// whole block is usable.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* a = (byte*)NativeMemory.AlignedAlloc(100, 64);
        byte* b = (byte*)NativeMemory.AlignedAlloc(5000, 4096);
        byte* c = (byte*)NativeMemory.AlignedAlloc(1, 4096);
        for (int i = 0; i < 100; i++) a[i] = (byte)i;
        for (int i = 0; i < 5000; i++) b[i] = 1;
        c[0] = 9;
        a = (byte*)NativeMemory.AlignedRealloc(a, 300, 64);
        bool contents = a[99] == 99 && a[0] == 0;
        a[299] = 1;
        Console.WriteLine($"a%64={(nuint)a % 64} b%4096={(nuint)b % 4096} c%4096={(nuint)c % 4096} contents={contents}");
        NativeMemory.AlignedFree(a);
        NativeMemory.AlignedFree(b);
        NativeMemory.AlignedFree(c);
    }
}
// CHECK-NOT: ERROR:
// CHECK: a%64=0 b%4096=0 c%4096=0 contents=True
// CHECK-NOT: ERROR:
