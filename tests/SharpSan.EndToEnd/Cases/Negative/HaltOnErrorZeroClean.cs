// A correct program instrumented for recovery (halt_on_error=0): still no report and exit code 0.
// ENV: SHARPSAN_OPTIONS=halt_on_error=0
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        double* d = (double*)NativeMemory.Alloc(16 * sizeof(double));
        for (int i = 0; i < 16; i++) d[i] = i * 0.25;
        double s = 0;
        for (int i = 15; i >= 0; i--) s += d[i];
        IntPtr h = Marshal.AllocHGlobal(3);
        Marshal.WriteByte(h, 2, 1);
        Marshal.FreeHGlobal(h);
        NativeMemory.Free(d);
        Console.WriteLine($"s={s}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: s=30
// CHECK-NOT: ERROR:
