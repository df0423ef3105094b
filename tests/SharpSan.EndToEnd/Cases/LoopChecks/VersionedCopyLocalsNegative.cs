// The unchecked copy of a versioned loop works on fresh locals and writes the ones it changes back on every way out:
// falling out of the loop, a break, a return from inside it. Locals a handler around the loop could see after an
// exception in the copy (a catch that reads them, a finally that prints them) keep the originals. Every result must be
// what the plain program computes, and nothing is reported.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static (nuint Index, long Sum, double Last) UntilZero(int* p, nuint n, double f)
    {
        long s = 0;
        double last = -1;
        nuint i;
        for (i = 0; i < n; i++)
        {
            if (p[i] == 0) break;
            s += p[i];
            last = p[i] * f;
        }
        return (i, s, last);
    }

    static int IndexOf(long* p, int n, long key)
    {
        for (int i = 0; i < n; i++)
            if (p[i] == key) return i;
        return -1;
    }

    static double RowSums(double* m, nuint n, out double lastRow)
    {
        double total = 0, row = 0;
        for (nuint r = 0; r < n; r++)
        {
            double* mr = m + r * n;
            row = 0;
            for (nuint c = 0; c < n; c++) row += mr[c];
            total += row;
        }
        lastRow = row;
        return total;
    }

    static void DivideAll(int* p, int n, int by, ref int reached, ref long sum)
    {
        int i = 0;
        long s = 0;
        try
        {
            for (i = 0; i < n; i++) s += p[i] / (by - p[i]);
        }
        catch (DivideByZeroException)
        {
            Console.WriteLine($"caught at {i}, sum {s}");
        }
        reached = i;
        sum = s;
    }

    static long SumWithFinally(int* p, int n, int by)
    {
        long s = 0;
        try
        {
            for (int i = 0; i < n; i++) s += p[i] / (by - p[i]);
        }
        finally
        {
            Console.WriteLine($"finally sum {s}");
        }
        return s;
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(32 * sizeof(int));
        for (int i = 0; i < 32; i++) p[i] = i < 20 ? i + 1 : 0;
        var (index, sum, last) = UntilZero(p, 32, 0.5);
        Console.WriteLine($"until zero {index} {sum} {last}");
        (index, sum, last) = UntilZero(p, 12, 2);
        Console.WriteLine($"until bound {index} {sum} {last}");
        long* q = (long*)NativeMemory.Alloc(16 * sizeof(long));
        for (int i = 0; i < 16; i++) q[i] = 3 * i;
        Console.WriteLine($"index {IndexOf(q, 16, 27)} {IndexOf(q, 16, 28)}");
        double* m = (double*)NativeMemory.Alloc(5 * 5 * sizeof(double));
        for (int i = 0; i < 25; i++) m[i] = i;
        Console.WriteLine($"rows {RowSums(m, 5, out double lastRow)} {lastRow}");
        int reached = -1;
        long divided = -1;
        DivideAll(p, 32, 9, ref reached, ref divided);
        Console.WriteLine($"divided {reached} {divided}");
        try { SumWithFinally(p, 32, 4); }
        catch (DivideByZeroException) { Console.WriteLine("rethrown"); }
        Console.WriteLine($"finally clean {SumWithFinally(p, 5, 7)}");
        NativeMemory.Free(p);
        NativeMemory.Free(q);
        NativeMemory.Free(m);
    }
}
// CHECK-NOT: ERROR:
// CHECK: until zero 20 210 10
// CHECK-NEXT: until bound 12 78 24
// CHECK-NEXT: index 9 -1
// CHECK-NEXT: rows 300 110
// CHECK-NEXT: caught at 8, sum 14
// CHECK-NEXT: divided 8 14
// CHECK-NEXT: finally sum 4
// CHECK-NEXT: rethrown
// CHECK-NEXT: finally sum 3
// CHECK-NEXT: finally clean 3
// CHECK-NOT: ERROR:
// OPTIMIZE: true
