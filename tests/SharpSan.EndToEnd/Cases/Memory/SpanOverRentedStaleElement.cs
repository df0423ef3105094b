using System;
using System.Buffers;

// A span over a whole rented array (AsSpan) keeps the array's shadow: a stale element read through the span's indexer
// is reported at the branch (before, making the span took the whole array as defined). The written part is no report.
class Program
{
    static int CountPositive(int[] values, int count)
    {
        Span<int> span = values.AsSpan();
        int positive = 0;
        for (int i = 0; i < count; i++)
        {
            if (span[i] > 0) positive++;
        }
        return positive;
    }

    static void Main()
    {
        int[] values = ArrayPool<int>.Shared.Rent(64);
        for (int i = 0; i < 10; i++) values[i] = i - 3;
        Console.WriteLine($"written part {CountPositive(values, 10)}");
        Console.WriteLine($"whole array {CountPositive(values, 64)}");
    }
}

// OPTIMIZE: true
// SANITIZE: memory
// CHECK: written part 6
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.CountPositive(int[], int) {{.*}}SpanOverRentedStaleElement.cs:[[@LINE-18]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}SpanOverRentedStaleElement.cs:[[@LINE-9]]
// CHECK: Uninitialized value was created by an array rented from ArrayPool<int>.Shared.Rent(64)
// CHECK-NOT: whole array
