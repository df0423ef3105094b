using System;
using System.Buffers;

// `values[i] += 1` on stale elements of a rented array (ldelema, dup, ldind, add, stind): the element address is
// followed, the load reads the array's shadow and the store writes it back, so the elements stay undefined and the
// later branch on one reports — the compound assignment no longer makes the array defined.
class Program
{
    static void Bump(int[] values, int count)
    {
        for (int i = 0; i < count; i++) values[i] += 1;
    }

    static int CountPositive(int[] values, int count)
    {
        int positive = 0;
        for (int i = 0; i < count; i++)
            if (values[i] > 0) positive++;
        return positive;
    }

    static void Main()
    {
        int[] values = ArrayPool<int>.Shared.Rent(64);
        for (int i = 0; i < 10; i++) values[i] = i - 3;
        Bump(values, 64);
        Console.WriteLine($"written part {CountPositive(values, 10)}");
        Console.WriteLine($"whole array {CountPositive(values, 64)}");
    }
}

// SANITIZE: memory
// CHECK: written part 7
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.CountPositive(int[], int) {{.*}}RentedStaleElementCompoundAssign.cs:[[@LINE-17]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RentedStaleElementCompoundAssign.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by an array rented from ArrayPool<int>.Shared.Rent(64)
// CHECK-NOT: whole array
