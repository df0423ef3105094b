using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

// Undefined bytes copied with a SIMD load and store stay undefined in the destination (MSan's memcpy of a vector).
unsafe class Program
{
    static void Main()
    {
        byte* source = (byte*)NativeMemory.Alloc(16);
        byte* destination = (byte*)NativeMemory.AllocZeroed(16);
        source[0] = 1;
        if (Sse2.IsSupported) Sse2.Store(destination, Sse2.LoadVector128(source));
        else Vector128.Store(Vector128.Load(source), destination);
        if (destination[0] == 1) Console.WriteLine("first byte copied");
        if (destination[5] == 0)
            Console.WriteLine("zero");
        Console.WriteLine("done");
    }
}

// SANITIZE: memory
// CHECK: first byte copied
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}VectorCopyKeepsUndefined.cs:[[@LINE-9]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}VectorCopyKeepsUndefined.cs:[[@LINE-18]]
// CHECK-NOT: done
