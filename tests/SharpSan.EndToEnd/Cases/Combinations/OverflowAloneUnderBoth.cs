// Only an overflow under address,memory: ASan's report and exit code, nothing from MemorySanitizer although the
// block was fresh (undefined) when the overflowing loop started writing it.
using System;
using System.Runtime.InteropServices;

unsafe class Program
{
    static void Fill(short* values, int count)
    {
        for (int i = 0; i <= count; i++) values[i] = (short)i;
    }

    static void Main()
    {
        short* p = (short*)NativeMemory.Alloc(10 * sizeof(short));
        Fill(p, 10);
        Console.WriteLine("filled");
        NativeMemory.Free(p);
    }
}

// SANITIZE: address,memory
// CHECK-NOT: MemorySanitizer
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: WRITE of size 2 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Fill(short*, int) {{.*}}OverflowAloneUnderBoth.cs:[[@LINE-16]]
// CHECK-NEXT: #1 0x{{[0-9a-f]+}} in Program.Main() {{.*}}OverflowAloneUnderBoth.cs:[[@LINE-11]]
// CHECK: is located 0 bytes to the right of 20-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow
// CHECK-NOT: MemorySanitizer
// CHECK-NOT: filled
