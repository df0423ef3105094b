// Every allocation family freed by its own deallocator before exit: no leak report.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        void* a = NativeMemory.Alloc(10);
        void* b = NativeMemory.AllocZeroed(4, 5);
        void* c = NativeMemory.AlignedAlloc(100, 128);
        IntPtr d = Marshal.AllocHGlobal(30);
        IntPtr e = Marshal.AllocCoTaskMem(40);
        IntPtr f = Marshal.StringToHGlobalAnsi("x");
        IntPtr g = Marshal.StringToCoTaskMemUTF8("y");
        a = NativeMemory.Realloc(a, 1000);
        c = NativeMemory.AlignedRealloc(c, 1000, 128);
        d = Marshal.ReAllocHGlobal(d, 300);
        e = Marshal.ReAllocCoTaskMem(e, 400);
        NativeMemory.Free(a);
        NativeMemory.Free(b);
        NativeMemory.AlignedFree(c);
        Marshal.FreeHGlobal(d);
        Marshal.FreeCoTaskMem(e);
        Marshal.FreeHGlobal(f);
        Marshal.FreeCoTaskMem(g);
        Console.WriteLine("all freed");
    }
}
// CHECK-NOT: ERROR:
// CHECK: all freed
// CHECK-NOT: ERROR:
