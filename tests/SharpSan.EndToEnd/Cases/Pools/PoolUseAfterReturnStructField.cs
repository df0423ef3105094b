// A field of a struct element assigned through a stale reference to a returned pooled array (ldelema + stfld):
// a WRITE, checked over the element's bytes.
using System;
using System.Buffers;

struct Vec { public double X, Y; }

static class Program
{
    static void Main()
    {
        Vec[] points = ArrayPool<Vec>.Shared.Rent(4);
        points[1].X = 1.0;
        ArrayPool<Vec>.Shared.Return(points);
        points[1].Y = 2.0;
        Console.WriteLine("unreachable");
    }
}
// CHECK: ERROR: AddressSanitizer: pool-use-after-return on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 16 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PoolUseAfterReturnStructField.cs:[[@LINE-6]]
// CHECK-NEXT: [[ADDR]] is located 16 bytes inside of 256-byte pooled array {{.*}} (Vec[16], 4 requested)
// CHECK: SUMMARY: AddressSanitizer: pool-use-after-return {{.*}}PoolUseAfterReturnStructField.cs:[[@LINE-8]] in Program.Main()
// CHECK-NOT: unreachable
