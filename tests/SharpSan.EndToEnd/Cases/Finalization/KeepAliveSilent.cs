// OPTIMIZE: true
// The fixed twin of MarshalFreedWhileFilling: GC.KeepAlive(this) after the loop keeps the object (and its buffer)
// alive until Fill is done; gc_stress collects at every safe point and nothing is reported. The buffer is freed by
// the finalizer after Fill returned.
using System;
using System.Runtime.InteropServices;

unsafe sealed class Buf
{
    public static int Finalized;
    readonly IntPtr _p;
    readonly int _size;

    public Buf(int size)
    {
        _size = size;
        _p = Marshal.AllocHGlobal(size);
    }

    ~Buf()
    {
        Marshal.FreeHGlobal(_p);
        Finalized++;
    }

    public int Fill()
    {
        byte* q = (byte*)_p;
        int n = _size;
        int sum = 0;
        for (int i = 0; i < n; i++)
        {
            q[i] = (byte)i;
            sum += q[i];
        }
        GC.KeepAlive(this);
        return sum;
    }
}

static class Program
{
    static void Main()
    {
        Console.WriteLine(new Buf(64).Fill());
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Console.WriteLine("finalized " + Buf.Finalized);
    }
}
// ENV: SHARPSAN_OPTIONS=gc_stress=1
// ENV: DOTNET_TieredCompilation=0
// CHECK-NOT: ERROR:
// CHECK: 2016
// CHECK-NEXT: finalized 1
// CHECK-NOT: ERROR:
