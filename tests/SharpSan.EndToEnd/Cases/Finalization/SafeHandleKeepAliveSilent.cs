// OPTIMIZE: true
// The fixed twin of SafeHandleReleasedWhileClearing: the handle is kept alive to the end of Clear, and disposed
// explicitly afterwards (ReleaseHandle from Dispose, not from the finalizer): nothing is reported.
using System;
using System.Runtime.InteropServices;

unsafe sealed class NativeBuffer : SafeHandle
{
    readonly int _size;

    public NativeBuffer(int size) : base(IntPtr.Zero, ownsHandle: true)
    {
        _size = size;
        SetHandle((IntPtr)NativeMemory.Alloc((nuint)size));
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMemory.Free((void*)handle);
        return true;
    }

    public int Clear()
    {
        byte* p = (byte*)handle;
        int n = _size;
        for (int i = 0; i < n; i++)
            p[i] = 0;
        GC.KeepAlive(this);
        return n;
    }
}

static class Program
{
    static void Main()
    {
        using (var buffer = new NativeBuffer(32))
            Console.WriteLine(buffer.Clear());
        Console.WriteLine("disposed");
    }
}
// ENV: SHARPSAN_OPTIONS=gc_stress=1
// ENV: DOTNET_TieredCompilation=0
// CHECK-NOT: ERROR:
// CHECK: 32
// CHECK-NEXT: disposed
// CHECK-NOT: ERROR:
