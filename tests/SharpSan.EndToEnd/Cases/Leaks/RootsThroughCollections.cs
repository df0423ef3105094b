// Blocks reachable from statics through a Dictionary, a closure captured by a static delegate, a boxed
// IntPtr, a SafeHandle, and an interior pointer are all still referenced at exit.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

sealed class NativeBuffer : SafeHandle
{
    public NativeBuffer(int size) : base(IntPtr.Zero, true) { SetHandle(Marshal.AllocHGlobal(size)); }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle() { return true; }
}

static unsafe class Program
{
    static readonly Dictionary<string, IntPtr> s_byName = new();
    static Func<int> s_reader;
    static object s_boxed;
    static NativeBuffer s_handle;
    static byte* s_cursor;

    static void Main()
    {
        s_byName["a"] = Marshal.AllocHGlobal(10);
        s_byName["b"] = (IntPtr)NativeMemory.Alloc(20);
        int* counter = (int*)NativeMemory.AllocZeroed(4);
        s_reader = () => *counter;
        s_boxed = Marshal.AllocCoTaskMem(30);
        s_handle = new NativeBuffer(40);
        byte* block = (byte*)NativeMemory.Alloc(50);
        s_cursor = block + 25;
        Console.WriteLine($"reader={s_reader()}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: reader=0
// CHECK-NOT: ERROR:
// CHECK-NOT: leak
