// Correct `*p++` loops that versioning splits into a range-checked unchecked copy and a checked original: the results
// must be the plain program's, whichever copy runs, and nothing is reported — a copy to the exact end of both blocks,
// a 64-bit count, two bumps per iteration, an int* bump beside an indexed access, a count-down loop, zero-trip loops
// (one from a pointer past the block, one unsigned with start > bound, whose range check fails), and a bumped pointer
// the caller keeps using afterwards (the copy must leave it where the original would).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static byte* Copy(byte* q, byte* p, int n)
    {
        for (int k = 0; k < n; k++)
            *q++ = *p++;
        return q;
    }

    static byte* CopyLong(byte* q, byte* p, ulong n)
    {
        for (ulong k = 0; k < n; k++)
            *q++ = *p++;
        return q;
    }

    static void Interleave(short* q, short* p, int n)
    {
        for (int k = 0; k < n; k++)
        {
            *q++ = *p++;
            *q++ = 0;
        }
    }

    static long Weighted(int* p, int* w, int n)
    {
        long s = 0;
        for (int i = 0; i < n; i++)
            s += (long)*p++ * w[i];
        return s;
    }

    static int CountDown(int* p, int n)
    {
        int s = 0;
        for (int i = n; i > 0; i--)
            s += *p++ * i;
        return s;
    }

    static int FromTo(byte* p, nuint from, nuint to)
    {
        int s = 0;
        for (nuint i = from; i < to; i++)
            s += *p++;
        return s;
    }

    static void Main()
    {
        byte* a = (byte*)NativeMemory.Alloc(40);
        byte* b = (byte*)NativeMemory.Alloc(40);
        for (int i = 0; i < 40; i++) a[i] = (byte)(i + 1);
        byte* end = null;
        for (int round = 0; round < 200; round++) end = Copy(b, a, 40);
        Console.WriteLine($"copy {end - b} {b[0]} {b[39]}");
        end = CopyLong(CopyLong(b, a + 20, 20), a, 20);
        Console.WriteLine($"long {end - b} {b[0]} {b[20]} {b[39]}");
        Console.WriteLine($"zero {Copy(a + 40, b + 40, 0) - (a + 40)} {CopyLong(b + 40, a + 1000, 0) - (b + 40)}");
        short* s = (short*)NativeMemory.Alloc(10 * sizeof(short));
        short* t = (short*)NativeMemory.Alloc(20 * sizeof(short));
        for (int i = 0; i < 10; i++) s[i] = (short)(i * 3);
        Interleave(t, s, 10);
        Console.WriteLine($"interleave {t[0]} {t[1]} {t[18]} {t[19]}");
        int* x = (int*)NativeMemory.Alloc(8 * sizeof(int));
        int* w = (int*)NativeMemory.Alloc(8 * sizeof(int));
        for (int i = 0; i < 8; i++) { x[i] = i; w[i] = 2; }
        Console.WriteLine($"weighted {Weighted(x, w, 8)} down {CountDown(x, 8)}");
        Console.WriteLine($"from-to {FromTo(a, 0, 40)} {FromTo(a, 30, 40)} {FromTo(a + 1000, 50, 40)}");
        NativeMemory.Free(w);
        NativeMemory.Free(x);
        NativeMemory.Free(t);
        NativeMemory.Free(s);
        NativeMemory.Free(b);
        NativeMemory.Free(a);
    }
}
// CHECK-NOT: ERROR:
// CHECK: copy 40 1 40
// CHECK-NEXT: long 40 21 1 20
// CHECK-NEXT: zero 0 0
// CHECK-NEXT: interleave 0 0 27 0
// CHECK-NEXT: weighted 56 down 84
// CHECK-NEXT: from-to 820 55 0
// CHECK-NOT: ERROR:
// OPTIMIZE: true
