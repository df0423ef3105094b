// A 64 MiB block touched at both ends (and a 64 MiB AllocHGlobal), then freed.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        const long size = 64L << 20;
        byte* p = (byte*)NativeMemory.Alloc((nuint)size);
        p[0] = 1;
        *(long*)(p + size - 8) = 0;
        p[size - 1] = 2;
        byte* h = (byte*)Marshal.AllocHGlobal((nint)size);
        h[0] = 3;
        h[size - 1] = 4;
        Console.WriteLine($"ends={p[0]},{p[size - 1]},{h[0]},{h[size - 1]}");
        NativeMemory.Free(p);
        Marshal.FreeHGlobal((IntPtr)h);
    }
}
// CHECK-NOT: ERROR:
// CHECK: ends=1,2,3,4
// CHECK-NOT: ERROR:
