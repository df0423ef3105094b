// One helper loop called with many different buffers, each whole: fixed buffers of two structs passed by their
// callers, stackalloc buffers of several sizes, an RVA table, a native block — and a recursive method whose loops
// walk its own stack buffer and its caller's at every level. SGCheck's bindings live for one activation, so none
// of this is an overrun: no report.
using System;
using System.Runtime.InteropServices;

namespace Demo;

unsafe struct Small { public fixed byte Data[4]; public int After; }
unsafe struct Large { public short Head; public fixed byte Data[40]; }

static class Tables
{
    public static ReadOnlySpan<byte> Primes => new byte[] { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37 };
}

static unsafe class Program
{
    static int Sum(byte* p, int n)
    {
        int sum = 0;
        for (int i = 0; i < n; i++) sum += p[i];
        return sum;
    }

    static int Fill(byte* p, int n, byte value)
    {
        for (byte* q = p; q < p + n; q++) *q = value;
        return Sum(p, n);
    }

    static int Recurse(byte* parent, int depth)
    {
        byte* mine = stackalloc byte[16 + depth];
        int sum = Fill(mine, 16 + depth, 1);
        for (int i = 0; i < 16 + depth + 1; i++) sum += parent[i];
        return depth == 0 ? sum : sum + Recurse(mine, depth - 1);
    }

    static void Main()
    {
        Small small = default;
        Large large = default;
        int total = Fill(small.Data, 4, 2) + Fill(large.Data, 40, 3);
        for (int n = 1; n <= 64; n *= 2)
        {
            byte* stack = stackalloc byte[n];
            total += Fill(stack, n, 1);
        }
        fixed (byte* primes = Tables.Primes) total += Sum(primes, Tables.Primes.Length);
        var native = (byte*)NativeMemory.Alloc(100);
        total += Fill(native, 100, 1);
        NativeMemory.Free(native);
        byte* top = stackalloc byte[32];
        Fill(top, 32, 1);
        total += Recurse(top, 10);
        Console.WriteLine($"total {total} after {small.After}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total {{[0-9]+}} after 0
// CHECK-NOT: ERROR:
