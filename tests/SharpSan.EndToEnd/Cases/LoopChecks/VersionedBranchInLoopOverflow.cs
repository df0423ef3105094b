// Loop versioning copies a loop body with a branch and a join inside. The loop writes through two arms; its range
// runs 2 ints past the block, so the checked original runs and reports the first bad iteration, i = 16, which takes
// the even arm: a 4-byte WRITE at p[16] on that arm's line (not the odd arm's, not a later iteration).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Fill(int* p, int n)
    {
        for (int i = 0; i < n; i++)
        {
            if ((i & 1) == 0)
                p[i] = i * 2;
            else
                p[i] = -i;
        }
    }

    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16 * sizeof(int));
        Fill(p, 16);
        long s = 0;
        for (int i = 0; i < 16; i++) s += p[i];
        Console.WriteLine($"sum {s}");
        Console.WriteLine($"first bad 0x{(nuint)(p + 16):x}");
        Fill(p, 18);
        Console.WriteLine("not reached");
    }
}
// CHECK: sum 48
// CHECK-NEXT: first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: WRITE of size 4 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Fill(int*, int) {{.*}}VersionedBranchInLoopOverflow.cs:[[@LINE-22]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}VersionedBranchInLoopOverflow.cs:[[@LINE-9]]
// CHECK-NEXT: [[ADDR]] is located 0 bytes to the right of 64-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}VersionedBranchInLoopOverflow.cs:[[@LINE-25]] in Program.Fill(int*, int)
// CHECK-NOT: not reached
// OPTIMIZE: true
