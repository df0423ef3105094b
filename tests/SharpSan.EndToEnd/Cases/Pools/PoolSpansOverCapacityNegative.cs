// Spans and memories over a whole rented array cover its capacity, which the ArrayPool contract lets the renter
// use: BCL code fills them (unchecked), checked code then reads every element, as IBufferWriter users do.
using System;
using System.Buffers;
using System.Text;

static class Program
{
    static int Sum(ReadOnlySpan<byte> bytes) { int s = 0; for (int i = 0; i < bytes.Length; i++) s += bytes[i]; return s; }

    static void Main()
    {
        int total = 0;
        byte[] a = ArrayPool<byte>.Shared.Rent(10);
        Span<byte> implicitSpan = a;
        implicitSpan.Fill(1);
        total += Sum(implicitSpan);
        ArrayPool<byte>.Shared.Return(a);

        byte[] b = ArrayPool<byte>.Shared.Rent(20);
        int written = Encoding.UTF8.GetBytes("pooled arrays are fine", b.AsSpan(2));
        total += Sum(b.AsSpan(0, 2 + written)) > 0 ? 1 : 0;
        ArrayPool<byte>.Shared.Return(b);

        byte[] c = ArrayPool<byte>.Shared.Rent(3);
        Memory<byte> memory = c.AsMemory();
        memory.Span.Fill(2);
        total += Sum(memory.Span);
        ArrayPool<byte>.Shared.Return(c);

        int[] d = ArrayPool<int>.Shared.Rent(5);
        var span = new Span<int>(d);
        span.Fill(3);
        for (int i = 0; i < span.Length; i++) total += span[i];
        ArrayPool<int>.Shared.Return(d);
        Console.WriteLine($"total={total}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: total=97
// CHECK-NOT: ERROR:
