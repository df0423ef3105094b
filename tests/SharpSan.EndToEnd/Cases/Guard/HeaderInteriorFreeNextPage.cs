// Guard mode, unsampled block: freeing a pointer one page into an 8 KiB block is a bad-free too. The block's header
// lies on an earlier page than the pointer, which the search used to stop at (the free went to libc, which aborted).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(8192);
        NativeMemory.Free(p + 4112);
        Console.WriteLine("not reached");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=0
// CHECK: ERROR: AddressSanitizer: attempting free on address which was not malloc()-ed: 0x{{[0-9a-f]+}} in thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HeaderInteriorFreeNextPage.cs:[[@LINE-8]]
// CHECK: is located inside of a 8192-byte region, not at its start
// CHECK: SUMMARY: AddressSanitizer: bad-free {{.*}}HeaderInteriorFreeNextPage.cs:[[@LINE-10]] in Program.Main()
