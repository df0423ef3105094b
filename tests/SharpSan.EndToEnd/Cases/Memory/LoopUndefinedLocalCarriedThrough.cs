using System;
using System.Runtime.InteropServices;

// A clean loop (all of its range defined) that adds an undefined local to what it reads: the loop's values are not
// all defined, so it must keep its shadow work and the sum is reported where it is branched on after the loop.
unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(8 * sizeof(int));
        for (int k = 0; k < 8; k++) p[k] = k;
        int* q = (int*)NativeMemory.Alloc(sizeof(int));
        int bias = q[0];
        int* r = (int*)NativeMemory.AllocZeroed(8 * sizeof(int));
        for (int i = 0; i < 8; i++)
            r[i] = p[i] + bias;
        int total = 0;
        for (int i = 0; i < 8; i++) total += r[i];
        if (total > 10)
            Console.WriteLine("big");
        Console.WriteLine("end");
        NativeMemory.Free(r);
        NativeMemory.Free(q);
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LoopUndefinedLocalCarriedThrough.cs:[[@LINE-11]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}LoopUndefinedLocalCarriedThrough.cs:[[@LINE-20]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}LoopUndefinedLocalCarriedThrough.cs:[[@LINE-14]] in Program.Main()
// CHECK-NOT: end
