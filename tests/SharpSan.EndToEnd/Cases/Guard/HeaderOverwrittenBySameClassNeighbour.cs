// Guard mode, unsampled blocks: a loop that writes 8 bytes past a 40-byte block runs into the header of the next
// block of the same size class (the heap hands a fresh class's blocks out in ascending order, one stride apart). The
// header's checksum catches it at that block's free. The old layout (16-byte headers inside glibc chunks) put glibc's
// own chunk fields there: no report, and the process died of a segmentation fault.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* a = (byte*)NativeMemory.Alloc(40);
        byte* b = (byte*)NativeMemory.Alloc(40);
        for (int i = 0; i < 48; i++) a[i] = 0x41;   // 8 bytes too many
        b[0] = 1;
        NativeMemory.Free(b);
        Console.WriteLine("not reached");
    }
}
// SANITIZE: guard
// ENV: SHARPSAN_OPTIONS=guard_sample_rate=0
// CHECK: ERROR: AddressSanitizer: attempting free on address which was not malloc()-ed
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in System.Runtime.InteropServices.NativeMemory.Free(void*)
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}HeaderOverwrittenBySameClassNeighbour.cs:[[@LINE-8]]
// CHECK: is located in a block whose chunk header is corrupted
// CHECK: SUMMARY: AddressSanitizer: bad-free {{.*}}HeaderOverwrittenBySameClassNeighbour.cs:[[@LINE-10]] in Program.Main()
// CHECK-NOT: not reached
