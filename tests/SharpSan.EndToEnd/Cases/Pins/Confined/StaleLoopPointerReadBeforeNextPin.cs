// The pointer from one iteration's `fixed` block is kept in a local and read at the top of the next iteration, after
// the block ended and before the array is pinned again: the analysis that lets blocks whose pointers never outlive
// them go unrecorded must see the loop's back edge and keep this block recorded.
using System;

static unsafe class Program
{
    static int Sum(int[] values)
    {
        int* last = null;
        int sum = 0;
        for (int round = 0; round < 3; round++)
        {
            if (last != null) sum += *last;
            fixed (int* p = values)
            {
                sum += p[round];
                last = p + 1;
            }
        }
        return sum;
    }

    static void Main()
    {
        Console.WriteLine("start");
        Console.WriteLine(Sum(new[] { 1, 2, 3, 4, 5 }));
    }
}
// CHECK: start
// CHECK: ERROR: AddressSanitizer: use-after-unpin on address [[ADDR:0x[0-9a-f]+]]
// CHECK-NEXT: READ of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Sum(int[]) {{.*}}StaleLoopPointerReadBeforeNextPin.cs:[[@LINE-19]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StaleLoopPointerReadBeforeNextPin.cs:[[@LINE-7]]
// CHECK-NEXT: [[ADDR]] is located 4 bytes inside of 20-byte managed int[5]
// CHECK-NEXT: unpinned by thread T0 here:
// CHECK: SUMMARY: AddressSanitizer: use-after-unpin {{.*}}StaleLoopPointerReadBeforeNextPin.cs:[[@LINE-23]] in Program.Sum(int[])
