// Guard mode, unsampled block: memory from Marshal.AllocHGlobal freed with NativeMemory.AlignedFree.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        nint h = Marshal.AllocHGlobal(64);
        NativeMemory.AlignedFree((void*)h);
        Console.WriteLine("not reached");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=0
// CHECK: ERROR: AddressSanitizer: alloc-dealloc-mismatch (Marshal.AllocHGlobal vs NativeMemory.AlignedFree) on 0x
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.AlignedFree(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HeaderAllocDeallocMismatch.cs:[[@LINE-8]]
// CHECK: Found by SharpSan's guard allocator
// CHECK: SUMMARY: AddressSanitizer: alloc-dealloc-mismatch {{.*}}HeaderAllocDeallocMismatch.cs:[[@LINE-10]] in Program.Main()
