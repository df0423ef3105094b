// Guard mode, unsampled block: freeing a pointer into the middle of a block is a bad-free, found from the header before it.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.Alloc(100);
        NativeMemory.Free(p + 32);
        Console.WriteLine("not reached");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=0
// CHECK: ERROR: AddressSanitizer: attempting free on address which was not malloc()-ed: 0x{{[0-9a-f]+}} in thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HeaderInteriorFree.cs:[[@LINE-8]]
// CHECK: is located inside of a 100-byte region, not at its start
// CHECK: SUMMARY: AddressSanitizer: bad-free {{.*}}HeaderInteriorFree.cs:[[@LINE-10]] in Program.Main()
