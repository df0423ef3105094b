// An unaligned 8-byte load at offset 12 of a 16-byte block: its first granule is fully addressable, but its
// last 4 bytes are in the redzone (a shadow check of the first byte alone misses this).
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static void Main()
    {
        byte* p = (byte*)NativeMemory.AllocZeroed(16);
        long v = *(long*)(p + 12);
        Console.WriteLine($"v={v}");
    }
}
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address
// CHECK-NEXT: READ of size 8 at
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Main() {{.*}}UnalignedLongCrossesEnd.cs:[[@LINE-6]]
// CHECK-NEXT: is located 0 bytes to the right of 16-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}UnalignedLongCrossesEnd.cs:[[@LINE-8]] in Program.Main()
// CHECK-NOT: v=
