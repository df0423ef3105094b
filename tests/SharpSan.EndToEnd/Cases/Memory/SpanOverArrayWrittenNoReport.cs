using System;
using System.Buffers;

// The negative twin of SpanOverRentedStaleElement and SpanOverArrayUndefinedStored (optimised build): spans over a
// plain array, over the written part of a rented array only, and a read-only span over an array whose undefined
// element was overwritten with a defined value before the read — none is a report.
unsafe class Program
{
    static int Sum(int[] values, int count)
    {
        ReadOnlySpan<int> span = values;
        int sum = 0;
        for (int i = 0; i < count; i++)
            if (span[i] != 0) sum += span[i];
        return sum;
    }

    static int Overwritten(int* raw)
    {
        int[] table = new int[4];
        Span<int> span = table.AsSpan();
        span[2] = raw[1];
        span[2] = 5;
        return span[2] > 4 ? 1 : 0;
    }

    static void Main()
    {
        int[] plain = { 1, 2, 3, 4 };
        int[] rented = ArrayPool<int>.Shared.Rent(32);
        for (int i = 0; i < 6; i++) rented[i] = i;
        int* raw = stackalloc int[2];
        raw[0] = 1;
        Console.WriteLine($"plain {Sum(plain, 4)}");
        Console.WriteLine($"rented {Sum(rented, 6)}");
        Console.WriteLine($"overwritten {Overwritten(raw)}");
    }
}

// OPTIMIZE: true
// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: plain 10
// CHECK: rented 15
// CHECK: overwritten 1
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
