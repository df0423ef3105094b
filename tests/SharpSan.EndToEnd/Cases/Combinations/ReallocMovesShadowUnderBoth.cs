// Realloc under address,memory always moves the block (ASan's allocator): the kept part keeps its definedness, the
// grown part is undefined (origin: the Realloc) and the old pointer is a heap-use-after-free.
using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(4 * sizeof(int));
        for (int i = 0; i < 4; i++) p[i] = i;
        int* q = (int*)NativeMemory.Realloc(p, 8 * sizeof(int));
        if (q[3] == 3)
            Console.WriteLine("kept");
        if (q[5] == 0)
            Console.WriteLine("grown");
        NativeMemory.Free(q);
    }
}

// SANITIZE: address,memory
// CHECK-NOT: AddressSanitizer
// CHECK: kept
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ReallocMovesShadowUnderBoth.cs:[[@LINE-10]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Realloc(void*, nuint)
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value
// CHECK-NOT: grown
