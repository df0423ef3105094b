// OPTIMIZE: true
// The classic missing GC.KeepAlive: Fill copies the pointer out of the object, so 'this' is dead during the loop, and
// with gc_stress the finalizer runs and frees the buffer while Fill still writes into it.
using System;
using System.Runtime.InteropServices;

unsafe sealed class Buf
{
    readonly IntPtr _p;
    readonly int _size;

    public Buf(int size)
    {
        _size = size;
        _p = Marshal.AllocHGlobal(size);
    }

    ~Buf() => Marshal.FreeHGlobal(_p);

    public int Fill()
    {
        byte* q = (byte*)_p;
        int n = _size;
        for (int i = 0; i < n; i++)
            q[i] = (byte)i;
        return n;
    }
}

static class Program
{
    static void Main()
    {
        Console.WriteLine("start");
        Console.WriteLine(new Buf(64).Fill());
    }
}
// ENV: SHARPSAN_OPTIONS=gc_stress=1
// ENV: DOTNET_TieredCompilation=0
// CHECK: start
// CHECK: ERROR: AddressSanitizer: premature-finalization on address 0x{{[0-9a-f]+}} (the finalizer of Buf freed native memory while Buf.Fill() is still running on the same object)
// CHECK-NEXT: FREE of 0x{{[0-9a-f]+}} by thread T{{[0-9]+}} (finalizer):
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.FreeHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Buf.Finalize() {{.*}}MarshalFreedWhileFilling.cs:[[@LINE-26]]
// CHECK: Buf.Fill() is still running in thread T0:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Buf.Fill() {{.*}}MarshalFreedWhileFilling.cs:[[@LINE-22]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MarshalFreedWhileFilling.cs:[[@LINE-12]]
// CHECK: is located 0 bytes inside of 64-byte region
// CHECK-NEXT: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.Marshal.AllocHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Buf..ctor(int) {{.*}}MarshalFreedWhileFilling.cs:[[@LINE-36]]
// CHECK: SUMMARY: AddressSanitizer: premature-finalization {{.*}}MarshalFreedWhileFilling.cs:[[@LINE-28]] in Buf.Fill()
