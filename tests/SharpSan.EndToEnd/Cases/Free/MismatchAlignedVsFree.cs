// NativeMemory.AlignedAlloc'ed memory released with plain NativeMemory.Free.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        void* p = NativeMemory.AlignedAlloc(128, 32);
        NativeMemory.Free(p);
    }
}
// CHECK: ERROR: AddressSanitizer: alloc-dealloc-mismatch (NativeMemory.AlignedAlloc vs NativeMemory.Free) on
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}MismatchAlignedVsFree.cs:[[@LINE-5]]
// CHECK: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.AlignedAlloc(nuint, nuint)
// CHECK: SUMMARY: AddressSanitizer: alloc-dealloc-mismatch {{.*}}MismatchAlignedVsFree.cs:[[@LINE-8]] in Program.Main()
