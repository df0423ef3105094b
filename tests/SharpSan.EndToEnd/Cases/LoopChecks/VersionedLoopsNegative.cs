// Correct loops that loop versioning turns into a checked original and an unchecked copy: the results must be the
// ones the plain program computes (the copy is the same loop), whichever copy runs, and nothing is reported — nested
// rows, a branch and a join in the body, a loop that runs zero times, an early return from inside a try/finally, a
// loop whose range check fails (bound past the block) but that breaks before reaching the block's end, and a strided
// native-index loop.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static long SumRows(int* m, int rows, int cols)
    {
        long s = 0;
        for (int r = 0; r < rows; r++)
        {
            int* row = m + r * cols;
            for (int j = 0; j < cols; j++)
                s += row[j];
        }
        return s;
    }

    static void Fill(int* p, int n)
    {
        for (int i = 0; i < n; i++)
        {
            if ((i & 1) == 0) p[i] = i * 2;
            else p[i] = -i;
        }
    }

    static int FindInTry(int* p, int n, int key, ref int finallies)
    {
        try
        {
            for (int i = 0; i < n; i++)
                if (p[i] == key) return i;
            return -1;
        }
        finally { finallies++; }
    }

    static int SumUntilNegative(int* p, int bound)
    {
        int s = 0;
        for (int i = 0; i < bound; i++)
        {
            if (p[i] < 0) break;
            s += p[i];
        }
        return s;
    }

    static long Strided(long* p, nuint n)
    {
        long s = 0;
        for (nuint i = 0; i < n; i += 2)
            s += *(long*)((byte*)p + i * 8);
        return s;
    }

    static void Main()
    {
        int* m = (int*)NativeMemory.Alloc(48 * sizeof(int));
        for (int i = 0; i < 48; i++) m[i] = i;
        long rows = 0;
        for (int round = 0; round < 1000; round++) rows += SumRows(m, 4, 12) + SumRows(m, 0, 12) + SumRows(m, 6, 8);
        Console.WriteLine($"rows {rows}");
        Fill(m, 16);
        Fill(m, 0);
        long filled = 0;
        for (int i = 0; i < 16; i++) filled += m[i];
        Console.WriteLine($"filled {filled}");
        int finallies = 0;
        Console.WriteLine($"found {FindInTry(m, 16, -7, ref finallies)} {FindInTry(m, 16, 99, ref finallies)} finallies {finallies}");
        m[20] = -1;
        Console.WriteLine($"until negative {SumUntilNegative(m + 16, 1000)}");
        long* q = (long*)NativeMemory.Alloc(10 * sizeof(long));
        for (int i = 0; i < 10; i++) q[i] = i;
        Console.WriteLine($"strided {Strided(q, 10)}");
        NativeMemory.Free(q);
        NativeMemory.Free(m);
    }
}
// CHECK-NOT: ERROR:
// CHECK: rows 2256000
// CHECK-NEXT: filled 48
// CHECK-NEXT: found 7 -1 finallies 2
// CHECK-NEXT: until negative 70
// CHECK-NEXT: strided 20
// CHECK-NOT: ERROR:
// OPTIMIZE: true
