// Loads and stores of every width at the last valid offset of exactly sized blocks.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* b = (byte*)NativeMemory.Alloc(3);       b[2] = 1;
        short* s = (short*)NativeMemory.Alloc(6);     s[2] = 2;
        int* i = (int*)Marshal.AllocHGlobal(12);      i[2] = 3;
        long* l = (long*)Marshal.AllocCoTaskMem(24);  l[2] = 4;
        float* f = (float*)NativeMemory.Alloc(12);    f[2] = 5;
        double* d = (double*)NativeMemory.Alloc(24);  d[2] = 6;
        void** v = (void**)NativeMemory.Alloc(24);    v[2] = (void*)7;
        uint* u = (uint*)NativeMemory.AllocZeroed(20); u[4] = 8;
        double total = b[2] + s[2] + i[2] + l[2] + f[2] + d[2] + (long)v[2] + u[4];
        Console.WriteLine($"total={total}");
        NativeMemory.Free(b); NativeMemory.Free(s); Marshal.FreeHGlobal((IntPtr)i); Marshal.FreeCoTaskMem((IntPtr)l);
        NativeMemory.Free(f); NativeMemory.Free(d); NativeMemory.Free(v); NativeMemory.Free(u);
    }
}
// CHECK-NOT: ERROR:
// CHECK: total=36
// CHECK-NOT: ERROR:
