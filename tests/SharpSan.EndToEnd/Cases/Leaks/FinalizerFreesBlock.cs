// Blocks owned by unreachable objects whose finalizers free them (directly or through a SafeHandle) are
// not leaks: LeakSanitizer lets finalizers run first.
using System;
using System.Runtime.InteropServices;

sealed class Owner
{
    readonly IntPtr _block = Marshal.AllocHGlobal(64);
    ~Owner() { Marshal.FreeHGlobal(_block); }
}

sealed class NativeBuffer : SafeHandle
{
    public NativeBuffer() : base(IntPtr.Zero, true) { unsafe { SetHandle((IntPtr)NativeMemory.Alloc(32)); } }
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override unsafe bool ReleaseHandle() { NativeMemory.Free((void*)handle); return true; }
}

static class Program
{
    static void Make()
    {
        for (int i = 0; i < 10; i++) { _ = new Owner(); _ = new NativeBuffer(); }
    }

    static void Main()
    {
        Make();
        Console.WriteLine("owners dropped");
    }
}
// CHECK-NOT: ERROR:
// CHECK: owners dropped
// CHECK-NOT: ERROR:
