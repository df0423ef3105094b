using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(16);
        p[0] = 1;
        if (p[1] > 0)
            Console.WriteLine("positive");
        Console.WriteLine("done");
        NativeMemory.Free(p);
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HeapBranch.cs:[[@LINE-9]]
// CHECK: Uninitialized value was created by a heap allocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Alloc(nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HeapBranch.cs:[[@LINE-14]]
// CHECK: SUMMARY: MemorySanitizer: use-of-uninitialized-value {{.*}}HeapBranch.cs:[[@LINE-13]] in Program.Main()
// CHECK-NOT: done
