using System;
using System.Runtime.InteropServices;

// track_origins=2: the origin block lists the stores the undefined value went through, newest first (MSan's
// "Uninitialized value was stored to memory at"), then where it was created.
unsafe class Program
{
    static void Main()
    {
        int* fresh = (int*)NativeMemory.Alloc(16);
        int* middle = (int*)NativeMemory.AllocZeroed(16);
        int* last = (int*)NativeMemory.AllocZeroed(16);
        int value = fresh[2];
        middle[1] = value;
        int copy = middle[1];
        last[3] = copy;
        if (last[3] > 0) Console.WriteLine("positive");
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// ENV: SHARPSAN_OPTIONS=track_origins=2
// CHECK: {{^}}=={{[0-9]+}}==WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclTrackOriginsChainOfStores.cs:[[@LINE-8]]
// CHECK: {{^  }}Uninitialized value was stored to memory at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclTrackOriginsChainOfStores.cs:[[@LINE-11]]
// CHECK: {{^  }}Uninitialized value was stored to memory at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclTrackOriginsChainOfStores.cs:[[@LINE-15]]
// CHECK: {{^  }}Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}BclTrackOriginsChainOfStores.cs:[[@LINE-22]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}BclTrackOriginsChainOfStores.cs:[[@LINE-16]] in Program.Main()
// CHECK-NOT: done
