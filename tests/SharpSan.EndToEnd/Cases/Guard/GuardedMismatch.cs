// Guard mode with guard_sample_rate=1: a guarded block from NativeMemory.AlignedAlloc freed with NativeMemory.Free.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        void* p = NativeMemory.AlignedAlloc(256, 64);
        NativeMemory.Free(p);
        Console.WriteLine("not reached");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=1
// CHECK: ERROR: AddressSanitizer: alloc-dealloc-mismatch (NativeMemory.AlignedAlloc vs NativeMemory.Free) on 0x
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GuardedMismatch.cs:[[@LINE-8]]
// CHECK: allocated by thread T0 here:
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.AlignedAlloc(nuint, nuint)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}GuardedMismatch.cs:[[@LINE-12]]
// CHECK: SUMMARY: AddressSanitizer: alloc-dealloc-mismatch {{.*}}GuardedMismatch.cs:[[@LINE-12]] in Program.Main()
