using System;
using System.Buffers;

// track_origins=2: an undefined element stored into an array (a chained store) and then overwritten with a defined
// value before it is used: no report.
class Program
{
    static void Main()
    {
        int[] rented = ArrayPool<int>.Shared.Rent(8);
        int[] table = new int[8];
        table[2] = rented[3];
        table[2] = 40;
        if (table[2] > 0) Console.WriteLine($"value {table[2] + 2}");
        ArrayPool<int>.Shared.Return(rented);
    }
}

// SANITIZE: memory
// ENV: SHARPSAN_OPTIONS=track_origins=2
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: value 42
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
