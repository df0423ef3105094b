using System;
using System.Runtime.InteropServices;

// The default (track_origins=1) names where the value was created, not the stores on the way.
unsafe class Program
{
    static void Main()
    {
        int* fresh = (int*)NativeMemory.Alloc(16);
        int* middle = (int*)NativeMemory.AllocZeroed(16);
        middle[1] = fresh[2];
        if (middle[1] > 0) Console.WriteLine("positive");
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclTrackOriginsDefaultNoChain.cs:[[@LINE-7]]
// CHECK-NOT: stored to memory
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NOT: stored to memory
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value
// CHECK-NOT: done
