// LZ decoding's literal copy: a 64-bit count (`for (ulong k = 0; k < len; k++) *op++ = *ip++`). The source is 20
// bytes; a run of 16 from offset 8 reads past it on its 13th iteration, which the checked original reports: a read
// of size 1, 0 bytes right of the source block. The earlier good runs took the unchecked copy.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static byte* Literals(byte* op, byte* ip, ulong len)
    {
        for (ulong k = 0; k < len; k++)
            *op++ = *ip++;
        return op;
    }

    static void Main()
    {
        byte* src = (byte*)NativeMemory.Alloc(20);
        byte* dst = (byte*)NativeMemory.Alloc(64);
        for (int i = 0; i < 20; i++) src[i] = (byte)(i + 1);
        byte* end = dst;
        for (int round = 0; round < 3; round++) end = Literals(end, src, 20);
        Console.WriteLine($"wrote {end - dst} last {dst[59]}");
        Console.WriteLine($"first bad 0x{(nuint)(src + 20):x}");
        Literals(dst, src + 8, 16);
        Console.WriteLine("not reached");
    }
}
// CHECK: wrote 60 last 20
// CHECK-NEXT: first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: READ of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Literals(byte*, byte*, ulong) {{.*}}BumpLongCountOverread.cs:[[@LINE-21]]
// CHECK: [[ADDR]] is located 0 bytes to the right of 20-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}BumpLongCountOverread.cs:[[@LINE-23]] in Program.Literals(byte*, byte*, ulong)
// CHECK-NOT: not reached
// OPTIMIZE: true
