using System;
using System.Buffers;

// The negative twin of RefLocalRentedStaleElementDebug (Debug build): a stale rented element written through its ref
// local before the read, and one handed by reference to a method that writes it (the array escapes at that read of
// the local, so what the method wrote counts as defined) — no report.
class Program
{
    static void Set(ref int target, int value) => target = value;

    static int Written(int[] values)
    {
        int sum = 0;
        for (int i = 0; i < 8; i++)
        {
            ref int slot = ref values[i];
            slot = i;
            if (slot > 3) sum += slot;
        }
        return sum;
    }

    static int HandedOn(int[] values)
    {
        ref int slot = ref values[5];
        Set(ref slot, 9);
        return slot > 8 ? 1 : 0;
    }

    static void Main()
    {
        Console.WriteLine($"written {Written(ArrayPool<int>.Shared.Rent(16))}");
        Console.WriteLine($"handed on {HandedOn(ArrayPool<int>.Shared.Rent(16))}");
    }
}

// SANITIZE: memory
// CHECK-NOT: ERROR:
// CHECK-NOT: MemorySanitizer
// CHECK: written 22
// CHECK: handed on 1
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: ERROR:
