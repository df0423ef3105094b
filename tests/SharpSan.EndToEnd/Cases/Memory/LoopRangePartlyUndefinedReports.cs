using System;
using System.Runtime.InteropServices;

// The loop's range holds one byte nobody wrote: its entry test fails, so the loads keep their shadow work and the
// use in the iteration that reads it is reported.
unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16 * sizeof(int));
        for (int k = 0; k < 16; k++)
            if (k != 10) p[k] = k;
        long sum = 0;
        for (int i = 0; i < 16; i++)
            if (p[i] >= 0) sum += p[i];
        Console.WriteLine($"sum {sum}");
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LoopRangePartlyUndefinedReports.cs:[[@LINE-8]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LoopRangePartlyUndefinedReports.cs:[[@LINE-15]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}LoopRangePartlyUndefinedReports.cs:[[@LINE-11]] in Program.Main()
// CHECK-NOT: sum
