// One method pins the same array in a hot loop at one `fixed` block, then at a second block whose pointer it keeps
// and writes through after that block ended. Both blocks run in the same activation of the method: the unpin and pin
// stacks must still name the second block's lines, not the hot first block's.
using System;

static unsafe class Program
{
    static int Run(byte[] buffer)
    {
        int sum = 0;
        for (int i = 0; i < 2000; i++)
        {
            fixed (byte* p = buffer) sum += p[i % buffer.Length];
        }
        byte* kept;
        fixed (byte* q = buffer)
        {
            q[3] = 1;
            kept = q;
        }
        Console.WriteLine($"sum {sum}");
        kept[5] = 4;
        return sum;
    }

    static void Main()
    {
        Run(new byte[40]);
        Console.WriteLine("not reached");
    }
}
// CHECK: sum 0
// CHECK: ERROR: AddressSanitizer: use-after-unpin on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: WRITE of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Run(byte[]) {{.*}}StaleFromSecondBlockInOneActivation.cs:[[@LINE-13]]
// CHECK: unpinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Run(byte[]) {{.*}}StaleFromSecondBlockInOneActivation.cs:[[@LINE-17]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StaleFromSecondBlockInOneActivation.cs:[[@LINE-10]]
// CHECK: previously pinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Run(byte[]) {{.*}}StaleFromSecondBlockInOneActivation.cs:[[@LINE-24]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StaleFromSecondBlockInOneActivation.cs:[[@LINE-13]]
// CHECK: SUMMARY: AddressSanitizer: use-after-unpin
// CHECK-NOT: not reached
