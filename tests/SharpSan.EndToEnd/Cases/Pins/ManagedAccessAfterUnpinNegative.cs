// After a `fixed` block ends the array is an ordinary managed array again: indexing, spans, `ref` arithmetic
// (Unsafe.Add, Unsafe.ReadUnaligned through a ref) and a rented pool array pinned and then indexed are all
// legal. (ArrayPool use switches on element checks for this module.) No report.
using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Fill(byte[] data)
    {
        fixed (byte* p = data)
            for (int i = 0; i < data.Length; i++) p[i] = (byte)i;
    }

    static int ByRef(ref byte first, int count)
    {
        int sum = 0;
        for (int i = 0; i < count; i++) sum += Unsafe.Add(ref first, i);
        return sum + Unsafe.ReadUnaligned<int>(ref first);
    }

    static void Main()
    {
        var data = new byte[40];
        Fill(data);
        int sum = 0;
        for (int i = 0; i < data.Length; i++) sum += data[i];
        Span<byte> span = data;
        span[3] = 100;
        sum += ByRef(ref MemoryMarshal.GetArrayDataReference(data), data.Length);
        sum += ByRef(ref data[8], 8);

        byte[] rented = ArrayPool<byte>.Shared.Rent(32);
        Fill(rented);
        rented[5] = 7;
        sum += rented[31];
        ArrayPool<byte>.Shared.Return(rented);
        Console.WriteLine($"sum {sum}");
    }
}
// CHECK-NOT: ERROR:
// CHECK: sum {{[0-9]+}}
// CHECK-NOT: ERROR:
