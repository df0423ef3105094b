using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Main()
    {
        int* p = (int*)NativeMemory.Alloc(32);
        for (int i = 0; i < 8; i++) p[i] = i;
        NativeMemory.Free(p);
        if (p[3] == 3) Console.WriteLine("stale");
    }
}

// SANITIZE: memory
// CHECK: WARNING: MemorySanitizer: use-of-uninitialized-value
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ReadAfterFree.cs:[[@LINE-6]]
// CHECK: Uninitialized value was created by a heap deallocation
// CHECK-NEXT: #0 {{.*}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}ReadAfterFree.cs:[[@LINE-10]]
