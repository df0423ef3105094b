using System;
using System.Buffers;

// A stale element of a rented array read through its address (`ref values[i]`: ldelema, then ldind) keeps its shadow:
// the element address is followed to its one load, so the array does not become defined (it used to).
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

// OPTIMIZE: true
// SANITIZE: memory
// CHECK: written part 6
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.CountPositive(int[], int) {{.*}}RentedStaleElementThroughRef.cs:[[@LINE-18]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RentedStaleElementThroughRef.cs:[[@LINE-9]]
// CHECK: Uninitialized value was created by an array rented from ArrayPool<int>.Shared.Rent(64)
// CHECK-NOT: whole array
