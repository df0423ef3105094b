using System;
using System.Runtime.InteropServices;

// track_origins=2 through copies: undefined bytes copied twice (Buffer.MemoryCopy, then NativeMemory.Copy) list each
// copy as a store ("Uninitialized value was stored to memory at", newest first), then where they were created, as
// MSan chains memcpy'd origins.
unsafe class Program
{
    static void Main()
    {
        byte* source = (byte*)NativeMemory.Alloc(32);
        byte* middle = (byte*)NativeMemory.AllocZeroed(32);
        byte* target = (byte*)NativeMemory.AllocZeroed(32);
        Buffer.MemoryCopy(source, middle, 32, 32);
        NativeMemory.Copy(middle, target, 32);
        if (target[5] == 7) Console.WriteLine("seven");
        Console.WriteLine("done");
        NativeMemory.Free(source);
        NativeMemory.Free(middle);
        NativeMemory.Free(target);
    }
}

// SANITIZE: memory
// ENV: SHARPSAN_OPTIONS=track_origins=2
// CHECK: {{^}}=={{[0-9]+}}==WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}CopyChainOfStores.cs:[[@LINE-11]]
// CHECK: {{^  }}Uninitialized value was stored to memory at
// CHECK: in Program.Main() {{.*}}CopyChainOfStores.cs:[[@LINE-14]]
// CHECK: {{^  }}Uninitialized value was stored to memory at
// CHECK: in Program.Main() {{.*}}CopyChainOfStores.cs:[[@LINE-17]]
// CHECK: {{^  }}Uninitialized value was created by a heap allocation
// CHECK: in Program.Main() {{.*}}CopyChainOfStores.cs:[[@LINE-22]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}CopyChainOfStores.cs:[[@LINE-18]] in Program.Main()
// CHECK-NOT: done
