using System;
using System.Buffers;

// The negative twin of RentedStaleElementThroughRef: every element of a rented array written through its address
// before use (`ref values[i]` then a store, and `values[i] += …` on written elements) is defined; none is a report.
class Program
{
    static void Main()
    {
        int[] values = ArrayPool<int>.Shared.Rent(64);
        for (int i = 0; i < values.Length; i++)
        {
            ref int slot = ref values[i];
            slot = i - 3;
        }
        for (int i = 0; i < values.Length; i++) values[i] += 2;
        int positive = 0;
        for (int i = 0; i < values.Length; i++)
            if (values[i] > 0) positive++;
        Console.WriteLine($"positive {positive} of {values.Length}");
        ArrayPool<int>.Shared.Return(values);
    }
}

// OPTIMIZE: true
// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: positive {{[0-9]+}} of {{[0-9]+}}
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
