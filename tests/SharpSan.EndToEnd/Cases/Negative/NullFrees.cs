// Freeing null (or IntPtr.Zero) with any deallocator is a no-op, as in C.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        NativeMemory.Free(null);
        NativeMemory.AlignedFree(null);
        Marshal.FreeHGlobal(IntPtr.Zero);
        Marshal.FreeCoTaskMem(IntPtr.Zero);
        Console.WriteLine($"null string={(Marshal.StringToHGlobalAnsi(null) == IntPtr.Zero)}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: null string=True
// CHECK-NOT: ERROR:
