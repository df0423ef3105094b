// Guard mode, unsampled blocks: an overflow out of one block runs into the next block's chunk header; the checksum
// catches it at that block's free (Scudo's corrupted-header check), which is reported rather than trusted.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* a = (byte*)NativeMemory.Alloc(32);
        byte* b = (byte*)NativeMemory.Alloc(32);
        // Simulate the overflow precisely: the 8 bytes just before b are its (packed) chunk header.
        ((long*)b)[-1] ^= 0x1234;
        NativeMemory.Free(a);
        NativeMemory.Free(b);
        Console.WriteLine("not reached");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=0
// CHECK: ERROR: AddressSanitizer: attempting free on address which was not malloc()-ed
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HeaderCorruptedByOverflow.cs:[[@LINE-8]]
// CHECK: is located in a block whose chunk header is corrupted
// CHECK: SUMMARY: AddressSanitizer: bad-free {{.*}}HeaderCorruptedByOverflow.cs:[[@LINE-10]] in Program.Main()
// CHECK-NOT: not reached
