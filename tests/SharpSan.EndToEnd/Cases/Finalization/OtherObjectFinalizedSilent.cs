// OPTIMIZE: true
// While one Buf's Fill runs (kept alive to its end), gc_stress finalizes another, unreachable Buf of the same type,
// whose finalizer frees its own buffer: a different object, so nothing is reported.
using System;
using System.Runtime.CompilerServices;
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
        for (int i = 0; i < n; i++)
            q[i] = (byte)i;
        int finalizedMeanwhile = Finalized;
        GC.KeepAlive(this);
        return finalizedMeanwhile;
    }
}

static class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Abandon() => _ = new Buf(8);

    static void Main()
    {
        Abandon();
        var kept = new Buf(64);
        Console.WriteLine("finalized during Fill: " + kept.Fill());
    }
}
// ENV: SHARPSAN_OPTIONS=gc_stress=1
// ENV: DOTNET_TieredCompilation=0
// CHECK-NOT: ERROR:
// CHECK: finalized during Fill: 1
// CHECK-NOT: ERROR:
