// `*p++` loops whose bound reaches past the block but that stop before the first bad byte: a break on a terminator
// (a branch in the body: this loop keeps its per-access checks) and a caller-side bound that the loop never reaches
// because the count is clamped first. Correct programs: nothing is reported.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int CopyUntilZero(byte* q, byte* p, int max)
    {
        int n = 0;
        for (int k = 0; k < max; k++)
        {
            byte c = *p++;
            if (c == 0) break;
            *q++ = c;
            n++;
        }
        return n;
    }

    static int Sum(byte* p, int n)
    {
        int s = 0;
        for (int k = 0; k < n; k++)
            s += *p++;
        return s;
    }

    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(16);
        byte* q = (byte*)NativeMemory.Alloc(16);
        for (int i = 0; i < 16; i++) p[i] = (byte)(i < 10 ? 'a' + i : 0);
        int copied = 0;
        for (int round = 0; round < 100; round++) copied = CopyUntilZero(q, p, 1000);
        Console.WriteLine($"copied {copied}");
        int wanted = 1000;
        Console.WriteLine($"sum {Sum(p, Math.Min(wanted, 16))}");
        NativeMemory.Free(q);
        NativeMemory.Free(p);
    }
}
// CHECK-NOT: ERROR:
// CHECK: copied 10
// CHECK-NEXT: sum 1015
// CHECK-NOT: ERROR:
// OPTIMIZE: true
