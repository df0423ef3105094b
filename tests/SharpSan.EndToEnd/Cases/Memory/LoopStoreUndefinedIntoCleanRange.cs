using System;
using System.Runtime.InteropServices;

// A counted loop over a range that is all defined on entry (its loads skip the shadow through the loop's
// definedness test) stores an undefined value into the range: the loads after it must see it again.
unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16 * sizeof(int));
        for (int k = 0; k < 16; k++) p[k] = k;
        int* q = (int*)NativeMemory.Alloc(4 * sizeof(int));
        int stale = q[0];
        int hits = 0;
        for (int i = 0; i < 16; i++)
        {
            if (i == 5) p[i] = stale;
            if (p[i] > 100) hits++;
        }
        Console.WriteLine($"hits {hits}");
        NativeMemory.Free(q);
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LoopStoreUndefinedIntoCleanRange.cs:[[@LINE-10]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LoopStoreUndefinedIntoCleanRange.cs:[[@LINE-18]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}LoopStoreUndefinedIntoCleanRange.cs:[[@LINE-13]] in Program.Main()
// CHECK-NOT: hits
