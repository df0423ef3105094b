// Correct code whose repeated accesses a dominating check covers: a clamp that reads and writes p[i] in two blocks,
// an 8-byte read that covers both of its 4-byte halves, a struct field read and written through a pointer across a
// branch, and a framework call known not to free (Math.Max) between two accesses. Nothing is reported and the results
// are the plain program's.
using System;
using System.Runtime.InteropServices;

struct Counter
{
    public int Count;
    public long Total;
}

static unsafe class Program
{
    static int Clamp(int* p, int n, int max)
    {
        int clamped = 0;
        for (int i = 0; i < n; i++)
        {
            if (p[i] > max)
            {
                p[i] = max;
                clamped++;
            }
        }
        return clamped;
    }

    static int Halves(long* p)
    {
        long whole = *p;
        int low = *(int*)p;
        int high = ((int*)p)[1];
        return (int)(whole >> 40) + low + high;
    }

    static long Drain(Counter* c)
    {
        if (c->Count > 0)
        {
            c->Count--;
            c->Total += c->Count;
        }
        return c->Total + c->Count;
    }

    static int AtLeast(int* p, int floor)
    {
        int a = p[3];
        int m = Math.Max(a, floor);
        if (m != a) p[3] = m;
        return p[3];
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16 * sizeof(int));
        for (int i = 0; i < 16; i++) p[i] = i * 3;
        Console.WriteLine($"clamped {Clamp(p, 16, 20)} last {p[15]}");
        long* w = (long*)NativeMemory.Alloc(sizeof(long));
        *w = (5L << 32) | 7;
        Console.WriteLine($"halves {Halves(w)}");
        Counter* c = (Counter*)NativeMemory.AllocZeroed((nuint)sizeof(Counter));
        c->Count = 3;
        Console.WriteLine($"drain {Drain(c)} {Drain(c)} {Drain(c)} {Drain(c)}");
        Console.WriteLine($"at least {AtLeast(p, 50)} {AtLeast(p, 1)}");
        NativeMemory.Free(c);
        NativeMemory.Free(w);
        NativeMemory.Free(p);
        Console.WriteLine("done");
    }
}
// CHECK-NOT: ERROR:
// CHECK: clamped 9 last 20
// CHECK-NEXT: halves 12
// CHECK-NEXT: drain 4 4 3 3
// CHECK-NEXT: at least 50 50
// CHECK-NEXT: done
// CHECK-NOT: ERROR:
// OPTIMIZE: true
