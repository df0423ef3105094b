// A rented int array filled by a counted loop after it went back to the pool: the loop's merged check fails at entry
// and the first store, a[0], is reported as a pool-use-after-return at the loop's line.
using System;
using System.Buffers;

static class Program
{
    static void Fill(int[] a, int n)
    {
        for (int i = 0; i < n; i++)
            a[i] = i;
    }

    static void Main()
    {
        int[] a = ArrayPool<int>.Shared.Rent(16);
        Fill(a, 16);
        Console.WriteLine($"filled {a[15]}");
        ArrayPool<int>.Shared.Return(a);
        Fill(a, 16);
        Console.WriteLine("not reached");
    }
}
// CHECK: filled 15
// CHECK: ERROR: AddressSanitizer: pool-use-after-return on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Fill(int[], int) {{.*}}PoolLoopUseAfterReturn.cs:[[@LINE-16]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolLoopUseAfterReturn.cs:[[@LINE-8]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes inside of 64-byte pooled array
// CHECK: SUMMARY: AddressSanitizer: pool-use-after-return {{.*}}PoolLoopUseAfterReturn.cs:[[@LINE-19]] in Program.Fill(int[], int)
// CHECK-NOT: not reached
// OPTIMIZE: true
