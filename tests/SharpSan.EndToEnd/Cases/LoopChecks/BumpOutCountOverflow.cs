// LZ decoding's shape: the run length comes back through an `out` argument (its address is taken, but only by that
// call, before the loop), then `*op++ = *ip++` copies it. The good blocks run the unchecked copy; the bad block's
// length runs the copy one byte past the 24-byte output on its last iteration, which the checked original reports.
using System;
using System.Runtime.InteropServices;

static unsafe class Program
{
    static byte* ReadLength(byte* ip, out ulong length)
    {
        length = *ip;
        return ip + 1;
    }

    static byte* Decode(byte* op, byte* ip)
    {
        ip = ReadLength(ip, out ulong run);
        for (ulong k = 0; k < run; k++)
            *op++ = *ip++;
        return op;
    }

    static void Main()
    {
        byte* input = (byte*)NativeMemory.Alloc(32);
        byte* output = (byte*)NativeMemory.Alloc(24);
        for (int i = 0; i < 32; i++) input[i] = (byte)(i + 100);
        input[0] = 24;
        byte* end = null;
        for (int round = 0; round < 100; round++) end = Decode(output, input);
        Console.WriteLine($"decoded {end - output} last {output[23]}");
        Console.WriteLine($"first bad 0x{(nuint)(output + 24):x}");
        input[0] = 25;
        Decode(output, input);
        Console.WriteLine("not reached");
    }
}
// CHECK: decoded 24 last 124
// CHECK-NEXT: first bad [[ADDR:0x[0-9a-f]+]]
// CHECK: ERROR: AddressSanitizer: heap-buffer-overflow on address [[ADDR]]
// CHECK-NEXT: WRITE of size 1 at [[ADDR]] thread T0
// CHECK-NEXT: #0 0x{{[0-9a-f]+}} in Program.Decode(byte*, byte*) {{.*}}BumpOutCountOverflow.cs:[[@LINE-23]]
// CHECK: [[ADDR]] is located 0 bytes to the right of 24-byte region
// CHECK: SUMMARY: AddressSanitizer: heap-buffer-overflow {{.*}}BumpOutCountOverflow.cs:[[@LINE-25]] in Program.Decode(byte*, byte*)
// CHECK-NOT: not reached
// OPTIMIZE: true
