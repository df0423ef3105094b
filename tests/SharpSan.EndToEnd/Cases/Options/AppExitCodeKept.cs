// A clean run keeps the app's own exit code.
// EXIT: 7
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int Main()
    {
        int* p = (int*)NativeMemory.Alloc(8);
        p[1] = 7;
        int code = p[1];
        NativeMemory.Free(p);
        Console.WriteLine($"exiting with {code}");
        return code;
    }
}
// CHECK-NOT: ERROR:
// CHECK: exiting with 7
// CHECK-NOT: ERROR:
