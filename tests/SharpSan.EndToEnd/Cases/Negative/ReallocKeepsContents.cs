// Realloc, ReAllocHGlobal and ReAllocCoTaskMem (growing and shrinking) keep the contents; the new pointer is valid.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(4 * sizeof(int));
        for (int i = 0; i < 4; i++) p[i] = i + 1;
        p = (int*)NativeMemory.Realloc(p, 100 * sizeof(int));
        p[99] = 100;
        p = (int*)NativeMemory.Realloc(p, 2 * sizeof(int));
        int fromNative = p[0] + p[1];

        IntPtr h = Marshal.AllocHGlobal(8);
        Marshal.WriteInt64(h, 0x1122334455667788);
        h = Marshal.ReAllocHGlobal(h, 4096);
        Marshal.WriteByte(h, 4095, 1);
        long fromHGlobal = Marshal.ReadInt64(h);

        IntPtr t = Marshal.AllocCoTaskMem(4);
        Marshal.WriteInt32(t, 77);
        t = Marshal.ReAllocCoTaskMem(t, 64);
        int fromCoTask = Marshal.ReadInt32(t);

        void* fresh = NativeMemory.Realloc(null, 10);
        ((byte*)fresh)[9] = 1;

        Console.WriteLine($"{fromNative} {fromHGlobal:x} {fromCoTask}");
        NativeMemory.Free(p);
        NativeMemory.Free(fresh);
        Marshal.FreeHGlobal(h);
        Marshal.FreeCoTaskMem(t);
    }
}
// CHECK-NOT: ERROR:
// CHECK: 3 1122334455667788 77
// CHECK-NOT: ERROR:
