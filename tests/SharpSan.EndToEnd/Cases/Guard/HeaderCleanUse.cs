// Guard mode, negative: every byte of blocks of all families used, grown with realloc, freed once each by the right
// family, freed on other threads, and a block the framework allocated freed by the program: no report.
using System;
using System.Runtime.InteropServices;
using System.Threading;

static unsafe class Program
{
    static void Main()
    {
        byte* a = (byte*)NativeMemory.Alloc(33);
        for (int i = 0; i < 33; i++) a[i] = (byte)i;
        a = (byte*)NativeMemory.Realloc(a, 4000);
        for (int i = 33; i < 4000; i++) a[i] = 7;
        int sum = 0;
        for (int i = 0; i < 33; i++) sum += a[i];
        NativeMemory.Free(a);

        byte* z = (byte*)NativeMemory.AllocZeroed(64);
        for (int i = 0; i < 64; i++) sum += z[i];
        byte* al = (byte*)NativeMemory.AlignedAlloc(100, 64);
        if ((nint)al % 64 != 0) Console.WriteLine("misaligned");
        al[99] = 1;
        al = (byte*)NativeMemory.AlignedRealloc(al, 300, 64);
        al[299] = 1;
        NativeMemory.AlignedFree(al);
        nint h = Marshal.AllocHGlobal(17);
        ((byte*)h)[16] = 1;
        h = Marshal.ReAllocHGlobal(h, 70);
        ((byte*)h)[69] = 1;
        nint c = Marshal.AllocCoTaskMem(9);
        nint s = Marshal.StringToHGlobalUni("hello");
        Marshal.FreeHGlobal(s);
        var t = new Thread(() => { NativeMemory.Free(z); Marshal.FreeHGlobal(h); Marshal.FreeCoTaskMem(c); });
        t.Start();
        t.Join();
        NativeMemory.Free(null);
        Console.WriteLine($"sum {sum}");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=0
// CHECK-NOT: ERROR:
// CHECK: sum 528
// CHECK-NOT: ERROR:
