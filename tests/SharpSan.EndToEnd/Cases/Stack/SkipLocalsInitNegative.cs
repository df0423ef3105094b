// With [SkipLocalsInit] stackalloc memory is not zeroed, but fully writing before reading is fine; without it
// the buffer must still read as zero (SharpSan's fake stack keeps localloc's semantics).
using System;
using System.Runtime.CompilerServices;

static unsafe class Program
{
    [SkipLocalsInit]
    static int Uninitialized()
    {
        byte* p = stackalloc byte[64];
        for (int i = 0; i < 64; i++) p[i] = (byte)i;
        int s = 0;
        for (int i = 0; i < 64; i++) s += p[i];
        return s;
    }

    static int Zeroed()
    {
        long* p = stackalloc long[16];
        long s = 0;
        for (int i = 0; i < 16; i++) s += p[i];
        return (int)s;
    }

    static void Main() => Console.WriteLine($"sum {Uninitialized()} zero {Zeroed()}");
}
// CHECK-NOT: ERROR:
// CHECK: sum 2016 zero 0
// CHECK-NOT: ERROR:
