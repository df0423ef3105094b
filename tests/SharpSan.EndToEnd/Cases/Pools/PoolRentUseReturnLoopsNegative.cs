// Correct pooled-buffer code in loops: rent, use only the requested part (array, span, pointer), return;
// lengths from 1 to well past the quarantine so arrays are reused after legal returns.
using System;
using System.Buffers;

static class Program
{
    static unsafe void Main()
    {
        long total = 0;
        for (int round = 0; round < 400; round++)
        {
            int n = 1 + (round * 37) % 700;
            byte[] a = ArrayPool<byte>.Shared.Rent(n);
            for (int i = 0; i < n; i++) a[i] = (byte)(i + round);
            a[n - 1] += 1;
            Span<byte> s = a.AsSpan(0, n);
            for (int i = 0; i < s.Length; i++) total += s[i];
            fixed (byte* p = a) total += p[n - 1];
            ArrayPool<byte>.Shared.Return(a, clearArray: round % 3 == 0);

            int[] b = ArrayPool<int>.Shared.Rent(n);
            b.AsSpan(0, n).Fill(2);
            for (int i = 0; i < n; i++) total += b[i];
            ArrayPool<int>.Shared.Return(b);
        }
        Console.WriteLine($"total={total}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total=
// CHECK-NOT: ERROR:
