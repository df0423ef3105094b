// Without options, fresh NativeMemory.Alloc and AllocHGlobal memory reads as 0xbe.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(5);
        byte* h = (byte*)Marshal.AllocHGlobal(5);
        Console.WriteLine($"fill={p[0]:x2}{p[4]:x2} hglobal={h[0]:x2}{h[4]:x2}");
        NativeMemory.Free(p);
        Marshal.FreeHGlobal((IntPtr)h);
    }
}
// CHECK-NOT: ERROR:
// CHECK: fill=bebe hglobal=bebe
// CHECK-NOT: ERROR:
