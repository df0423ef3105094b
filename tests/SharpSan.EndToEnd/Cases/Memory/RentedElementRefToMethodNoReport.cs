using System;
using System.Buffers;

// An element address handed to another method (`Set(ref values[i], …)`) is not followed: what the callee writes
// through it is not seen, so the rented array is taken as defined from there on rather than report the written
// elements.
class Program
{
    static void Set(ref int slot, int value) => slot = value;

    static void Main()
    {
        int[] values = ArrayPool<int>.Shared.Rent(32);
        for (int i = 0; i < values.Length; i++) Set(ref values[i], i - 3);
        int positive = 0;
        for (int i = 0; i < values.Length; i++)
            if (values[i] > 0) positive++;
        Console.WriteLine($"positive {positive} of {values.Length}");
        ArrayPool<int>.Shared.Return(values);
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: positive {{[0-9]+}} of {{[0-9]+}}
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
