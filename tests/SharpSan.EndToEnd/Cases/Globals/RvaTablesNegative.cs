// Walking RVA tables of several element types to their last element, through pointers and spans, and arrays
// built from initialisers: no report.
using System;

static class Tables
{
    public static ReadOnlySpan<byte> Bytes => new byte[] { 1, 2, 3, 4, 5, 6, 7 };
    public static ReadOnlySpan<short> Shorts => new short[] { 10, 20, 30 };
    public static ReadOnlySpan<long> Longs => new long[] { 100, 200, 300, 400, 500 };
    public static readonly int[] Squares = { 0, 1, 4, 9, 16, 25 };
}

static unsafe class Program
{
    static void Main()
    {
        long sum = 0;
        fixed (byte* b = Tables.Bytes) for (int i = 0; i < Tables.Bytes.Length; i++) sum += b[i];
        fixed (short* s = Tables.Shorts) for (int i = 0; i < 3; i++) sum += s[i];
        fixed (long* l = Tables.Longs) { var span = new ReadOnlySpan<long>(l, 5); foreach (long v in span) sum += v; }
        fixed (int* q = Tables.Squares) for (int i = 0; i < Tables.Squares.Length; i++) sum += q[i];
        Console.WriteLine($"sum {sum}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum 1643
// CHECK-NOT: ERROR:
