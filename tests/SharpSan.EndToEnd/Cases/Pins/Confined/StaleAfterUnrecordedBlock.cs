// A pointer kept from a `fixed` block in a helper is used after a block over the same array whose own pointer
// never leaves it. That block finds the helper's unpin poison, so it is recorded after all and poisons the array
// again when it ends: the kept pointer's use after it is still reported, naming that block's unpin.
using System;

static unsafe class Program
{
    static int* Keep(int[] values)
    {
        fixed (int* p = values) return p;
    }

    static int Sum(int[] values)
    {
        int* kept = Keep(values);
        int sum = 0;
        fixed (int* q = values)
        {
            for (int i = 0; i < values.Length; i++) sum += q[i];
        }
        return sum + kept[2];
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
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Sum(int[]) {{.*}}StaleAfterUnrecordedBlock.cs:[[@LINE-12]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}StaleAfterUnrecordedBlock.cs:[[@LINE-7]]
// CHECK-NEXT: [[ADDR]] is located 8 bytes inside of 20-byte managed int[5]
// CHECK-NEXT: unpinned by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Sum(int[]) {{.*}}StaleAfterUnrecordedBlock.cs:[[@LINE-17]]
// CHECK: SUMMARY: AddressSanitizer: use-after-unpin {{.*}}StaleAfterUnrecordedBlock.cs:[[@LINE-17]] in Program.Sum(int[])
