// ArrayPool under address,memory: the rented array is both checked for pool misuse (ASan's pool-buffer-overflow past
// the requested length) and undefined until written (MSan's report at the branch, its origin the Rent).
using System;
using System.Buffers;

class Program
{
    static void Main()
    {
        int[] values = ArrayPool<int>.Shared.Rent(20);
        for (int i = 0; i < 10; i++) values[i] = i;
        if (values[15] > 3)
            Console.WriteLine("stale");
        values[20] = 1;
        Console.WriteLine("went on");
        ArrayPool<int>.Shared.Return(values);
    }
}

// SANITIZE: address,memory
// ENV: SHARPSAN_OPTIONS=halt_on_error=0
// EXIT: 77
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RentedStaleAndPoolOverflowBothReported.cs:[[@LINE-12]]
// CHECK: Uninitialized value was created by an array rented from ArrayPool<int>.Shared.Rent(20)
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value
// CHECK: ERROR: AddressSanitizer: pool-buffer-overflow on address
// CHECK-NEXT: WRITE of size 4 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}RentedStaleAndPoolOverflowBothReported.cs:[[@LINE-15]]
// CHECK: SUMMARY: AddressSanitizer: pool-buffer-overflow
// CHECK: went on
