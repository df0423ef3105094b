// A pooled-array loop is versioned on a[i]; its copy skips those element checks but not b[k]'s (its index does not
// step with i, so the range check does not cover it), so reading one element past the 20 bytes requested of b is
// still reported, on the first iteration, b[20], at the loop's line.
using System;
using System.Buffers;

static class Program
{
    static int Dot(byte[] a, byte[] b, int k, int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++)
            s += a[i] * b[k];
        return s;
    }

    static void Main()
    {
        byte[] a = ArrayPool<byte>.Shared.Rent(20);
        byte[] b = ArrayPool<byte>.Shared.Rent(20);
        for (int i = 0; i < 20; i++) { a[i] = 1; b[i] = 2; }
        Console.WriteLine($"dot {Dot(a, b, 19, 19)}");
        Console.WriteLine(Dot(a, b, 20, 19));
        Console.WriteLine("not reached");
    }
}
// CHECK: dot 38
// CHECK: ERROR: AddressSanitizer: pool-buffer-overflow on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Dot(byte[], byte[], int, int) {{.*}}VersionedPoolOtherArrayOverflow.cs:[[@LINE-17]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}VersionedPoolOtherArrayOverflow.cs:[[@LINE-8]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes after the requested 20 bytes of 32-byte pooled array {{.*}} (byte[32], 20 requested)
// CHECK: SUMMARY: AddressSanitizer: pool-buffer-overflow {{.*}}VersionedPoolOtherArrayOverflow.cs:[[@LINE-20]] in Program.Dot(byte[], byte[], int, int)
// CHECK-NOT: not reached
// OPTIMIZE: true
