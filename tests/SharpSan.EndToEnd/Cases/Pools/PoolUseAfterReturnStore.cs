// A plain store (stelem) of a double into a returned pooled array, on a worker thread.
using System;
using System.Buffers;
using System.Threading;

static class Program
{
    static void Main()
    {
        double[] samples = ArrayPool<double>.Shared.Rent(4);
        ArrayPool<double>.Shared.Return(samples);
        var worker = new Thread(() => { samples[1] = 2.5; });
        worker.Start();
        worker.Join();
    }
}
// CHECK: ERROR: AddressSanitizer: pool-use-after-return on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 8 at [[ADDR]] thread T{{[1-9][0-9]*}}
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.{{.*}}PoolUseAfterReturnStore.cs:[[@LINE-7]]
// CHECK-NEXT: [[ADDR]] is located 8 bytes inside of 128-byte pooled array {{.*}} (double[16], 4 requested)
// CHECK-NEXT: returned to the pool by thread T0 here:
// CHECK: SUMMARY: AddressSanitizer: pool-use-after-return {{.*}}PoolUseAfterReturnStore.cs:[[@LINE-10]]
