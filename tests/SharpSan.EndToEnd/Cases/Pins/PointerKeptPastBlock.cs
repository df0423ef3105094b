// The pointer from a `fixed` block is kept in a local and read after the block has ended, in the same method.
using System;

static unsafe class Program
{
    static int Sum(int[] values)
    {
        int* kept;
        int sum = 0;
        fixed (int* p = values)
        {
            kept = p;
            for (int i = 0; i < values.Length; i++) sum += p[i];
        }
        return sum + kept[3];
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
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Sum(int[]) {{.*}}PointerKeptPastBlock.cs:[[@LINE-12]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}PointerKeptPastBlock.cs:[[@LINE-7]]
// CHECK-NEXT: [[ADDR]] is located 12 bytes inside of 20-byte managed int[5]
// CHECK-NEXT: unpinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Sum(int[]) {{.*}}PointerKeptPastBlock.cs:[[@LINE-17]]
// CHECK: previously pinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Sum(int[]) {{.*}}PointerKeptPastBlock.cs:[[@LINE-23]]
// CHECK: SUMMARY: AddressSanitizer: use-after-unpin {{.*}}PointerKeptPastBlock.cs:[[@LINE-19]] in Program.Sum(int[])
