// OPTIMIZE: true
// A SafeHandle whose ReleaseHandle frees native memory: Clear reads 'handle' once, so the handle is unreachable during
// the loop; gc_stress runs SafeHandle's finalizer, which calls ReleaseHandle while Clear still writes.
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
        return n;
    }
}

static class Program
{
    static void Main()
    {
        Console.WriteLine("start");
        Console.WriteLine(new NativeBuffer(32).Clear());
    }
}
// ENV: SHARPSAN_OPTIONS=gc_stress=1
// ENV: DOTNET_TieredCompilation=0
// CHECK: start
// CHECK: ERROR: AddressSanitizer: premature-finalization on address 0x{{[0-9a-f]+}} (the finalizer of NativeBuffer (through ReleaseHandle) freed native memory while NativeBuffer.Clear() is still running on the same object)
// CHECK-NEXT: FREE of 0x{{[0-9a-f]+}} by thread T{{[0-9]+}} (finalizer):
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in NativeBuffer.ReleaseHandle() {{.*}}SafeHandleReleasedWhileClearing.cs:[[@LINE-28]]
// CHECK: NativeBuffer.Clear() is still running in thread T0:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in NativeBuffer.Clear() {{.*}}SafeHandleReleasedWhileClearing.cs:[[@LINE-22]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}SafeHandleReleasedWhileClearing.cs:[[@LINE-12]]
// CHECK: is located 0 bytes inside of 32-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in NativeBuffer..ctor(int) {{.*}}SafeHandleReleasedWhileClearing.cs:[[@LINE-42]]
// CHECK: SUMMARY: AddressSanitizer: premature-finalization {{.*}}SafeHandleReleasedWhileClearing.cs:[[@LINE-28]] in NativeBuffer.Clear()
