// A counted loop over a rented array gets one merged check of the elements it can reach; reading past the 20 bytes
// requested fails it, so the element checks stay on and report the first bad one, a[20], at the loop's line.
using System;
using System.Buffers;

static class Program
{
    static int Sum(byte[] a, int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++)
            s += a[i];
        return s;
    }

    static void Main()
    {
        byte[] a = ArrayPool<byte>.Shared.Rent(20);
        for (int i = 0; i < 20; i++) a[i] = 1;
        Console.WriteLine($"sum {Sum(a, 20)}");
        Console.WriteLine(Sum(a, 25));
        ArrayPool<byte>.Shared.Return(a);
    }
}
// CHECK: sum 20
// CHECK: ERROR: AddressSanitizer: pool-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Sum(byte[], int) {{.*}}PoolLoopOverflow.cs:[[@LINE-16]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolLoopOverflow.cs:[[@LINE-8]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes after the requested 20 bytes of 32-byte pooled array {{.*}} (byte[32], 20 requested)
// CHECK: SUMMARY: AddressSanitizer: pool-buffer-overflow {{.*}}PoolLoopOverflow.cs:[[@LINE-19]] in Program.Sum(byte[], int)
// OPTIMIZE: true
