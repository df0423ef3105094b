// `fixed` over spans that must stay silent: pointers used only inside the block (span locals made from an array with
// AsSpan, new Span<T> and the implicit conversion); a span over stackalloc memory, whose pointer stays valid after the
// block (the stack does not move); a span parameter pinned and used inside; the same array pinned again later.
using System;

static unsafe class Program
{
    static int SumPinned(Span<int> values)
    {
        int sum = 0;
        fixed (int* p = values)
            for (int i = 0; i < values.Length; i++) sum += p[i];
        return sum;
    }

    static void Main()
    {
        var data = new int[] { 1, 2, 3, 4, 5, 6 };
        Span<int> head = data.AsSpan(0, 3);
        fixed (int* p = head) p[0] = 10;
        var whole = new Span<int>(data, 1, 5);
        fixed (int* q = whole) q[0] += 20;
        Span<int> converted = data;
        fixed (int* r = converted) r[5] += 30;
        Span<int> scratch = stackalloc int[4];
        int* kept;
        fixed (int* s = scratch) { s[0] = 7; kept = s; }
        kept[1] = 8;
        int total = SumPinned(data) + scratch[0] + scratch[1];
        fixed (int* again = data.AsSpan()) total += again[2];
        Console.WriteLine($"total {total}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total 98
// CHECK-NOT: ERROR:
