// OPTIMIZE: true
// Finalizers that free after the method is over are fine: one object's Fill returned normally, the other's threw
// (its shadow-stack frame and its record of the running method were unwound by the exception, not by a return).
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

    public int Fill(bool fail)
    {
        byte* q = (byte*)_p;
        for (int i = 0; i < _size; i++)
            q[i] = (byte)i;
        if (fail) throw new InvalidOperationException("fill failed");
        return _size;
    }
}

static class Program
{
    static void Main()
    {
        Console.WriteLine(new Buf(32).Fill(false));
        try
        {
            new Buf(16).Fill(true);
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine(e.Message);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Console.WriteLine("finalized " + Buf.Finalized);
    }
}
// ENV: DOTNET_TieredCompilation=0
// CHECK-NOT: ERROR:
// CHECK: 32
// CHECK-NEXT: fill failed
// CHECK-NEXT: finalized 2
// CHECK-NOT: ERROR:
