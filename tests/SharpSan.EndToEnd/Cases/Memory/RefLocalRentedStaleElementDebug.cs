using System;
using System.Buffers;

// A Debug build keeps `ref values[i]` in a ref local (ldelema; stloc; ldloc; ldind): the local is written once and its
// reads reach only the element's loads, so the element keeps the rented array's shadow and the stale one is reported
// at the branch (before, the address kept in a local took the whole array as defined).
class Program
{
    static int CountPositive(int[] values, int count)
    {
        int positive = 0;
        for (int i = 0; i < count; i++)
        {
            ref int value = ref values[i];
            if (value > 0) positive++;
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

// SANITIZE: memory
// CHECK: written part 6
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.CountPositive(int[], int) {{.*}}RefLocalRentedStaleElementDebug.cs:[[@LINE-17]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RefLocalRentedStaleElementDebug.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by an array rented from ArrayPool<int>.Shared.Rent(64)
// CHECK-NOT: whole array
