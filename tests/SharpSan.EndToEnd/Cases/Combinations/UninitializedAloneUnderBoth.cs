// Only an uninitialised use under address,memory: MSan's report with the origin from the combined allocator (ASan's
// redzone allocator served the block), exit code 77, and no AddressSanitizer report at all.
using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static int CountNegative(int* values, int count)
    {
        int negative = 0;
        for (int i = 0; i < count; i++)
            if (values[i] < 0) negative++;
        return negative;
    }

    static void Main()
    {
        int* p = (int*)Marshal.AllocHGlobal(4 * sizeof(int));
        p[0] = 1; p[1] = 2; p[2] = 3;
        Console.WriteLine($"negative {CountNegative(p, 4)}");
        Marshal.FreeHGlobal((IntPtr)p);
    }
}

// SANITIZE: address,memory
// CHECK-NOT: AddressSanitizer
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.CountNegative(int*, int) {{.*}}UninitializedAloneUnderBoth.cs:[[@LINE-16]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UninitializedAloneUnderBoth.cs:[[@LINE-9]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.Marshal.AllocHGlobal(nint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UninitializedAloneUnderBoth.cs:[[@LINE-14]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value
// CHECK-NOT: AddressSanitizer
// CHECK-NOT: negative
