// Debug-compiled loops (clt; stloc; ldloc; brtrue) whose bound runs past the buffer but that leave before reaching its end (a sentinel, a found key): the merged
// range check fails at entry, yet no access the loops really make is bad, so nothing is reported.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static int SumUntilZero(int* p, int bound)
    {
        int s = 0;
        for (int i = 0; i < bound; i++)
        {
            if (p[i] == 0) break;
            s += p[i];
        }
        return s;
    }

    static nuint Find(long* p, nuint bound, long key)
    {
        for (nuint i = 0; i < bound; i++)
            if (p[i] == key) return i;
        return bound;
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16 * sizeof(int));
        for (int i = 0; i < 16; i++) p[i] = i < 10 ? i + 1 : 0;
        Console.WriteLine($"sum {SumUntilZero(p, 64)}");
        long* q = (long*)NativeMemory.Alloc(8 * sizeof(long));
        for (int i = 0; i < 8; i++) q[i] = i * 11;
        Console.WriteLine($"found {Find(q, 1000, 77)}");
        NativeMemory.Free(p);
        NativeMemory.Free(q);
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum 55
// CHECK-NEXT: found 7
// CHECK-NOT: ERROR:

